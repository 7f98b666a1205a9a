/**
 * Lookup ranking shared by `npm run lookup` and the toolbar popup. A query may be hanzi (exact,
 * variant, prefix, contained; traditional via variants), pinyin with or without tones and spaces,
 * initials (lgql), or English words.
 */
import type { Entry } from './glossary-types';
import { foldString } from './normalize';

export interface SearchResult {
  id: string;
  score: number;
  /** What matched, for display and tests: "term", "variant", "pinyin", "initials", "english", ... */
  via: string;
}

interface IndexedEntry {
  entry: Entry;
  surfaces: string[];
  plain: string; // toneless pinyin, no spaces: lianggequeli
  toned: string; // pinyin with tone marks, no spaces
  initials: string; // lgql
  english: string[]; // lower-case renderings
  englishWords: Set<string>;
}

export interface SearchIndex {
  items: IndexedEntry[];
}

/** Strip tone marks: liǎng → liang, lǜ → lv. */
export function toneless(s: string): string {
  return s
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/ü/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function stem(word: string): string {
  return word.replace(/(ies)$/, 'y').replace(/(?<=[a-z]{3})(es|s)$/, '');
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w.length > 0 && !STOP.has(w))
    .map(stem);
}
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'by']);

export function buildSearchIndex(entries: readonly Entry[]): SearchIndex {
  return {
    items: entries.map((entry) => {
      const syllables = entry.pinyin.toLowerCase().split(/\s+/).filter(Boolean);
      const english = entry.english.map((r) => r.text.toLowerCase());
      return {
        entry,
        surfaces: [entry.term, ...entry.variants].map(foldString),
        plain: toneless(syllables.join('')),
        toned: syllables.join(''),
        initials: syllables.map((s) => toneless(s)[0] ?? '').join(''),
        english,
        englishWords: new Set(english.flatMap(words)),
      };
    }),
  };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function scoreEntry(item: IndexedEntry, q: string): { score: number; via: string } {
  const e = item.entry;
  const term = foldString(e.term);
  if (HAN.test(q)) {
    if (term === q) return { score: 1000, via: 'term' };
    if (item.surfaces.includes(q)) return { score: 950, via: 'variant' };
    if (term.startsWith(q)) return { score: 800 - term.length, via: 'term-prefix' };
    if (item.surfaces.some((s) => s.startsWith(q))) return { score: 750 - term.length, via: 'variant-prefix' };
    if (term.includes(q)) return { score: 600 - term.length, via: 'term-contains' };
    if (item.surfaces.some((s) => s.includes(q))) return { score: 550 - term.length, via: 'variant-contains' };
    if (q.length >= 2 && item.surfaces.some((s) => q.includes(s))) return { score: 400 + term.length, via: 'in-query' };
    if (q.length >= 2 && e.components.some((c) => c.includes(q))) return { score: 300, via: 'component' };
    if (q.length >= 2 && (e.summary_zh.includes(q) || e.explanation_zh.includes(q))) return { score: 100, via: 'explanation' };
    return { score: 0, via: '' };
  }
  const compact = q.replace(/[\s'’-]+/g, '');
  const plainQ = toneless(compact);
  if (compact && /^[a-zü\u00c0-\u024f0-9]+$/.test(compact)) {
    const hasTones = plainQ !== compact.replace(/ü/g, 'v');
    if (hasTones) {
      if (item.toned === compact) return { score: 980, via: 'pinyin-toned' };
      if (item.toned.startsWith(compact)) return { score: 780 - item.toned.length / 10, via: 'pinyin-toned-prefix' };
    }
    if (item.plain === plainQ) return { score: hasTones ? 900 : 970, via: 'pinyin' };
    if (item.initials === plainQ && plainQ.length >= 2) return { score: 960, via: 'initials' };
    if (plainQ.length >= 2 && item.plain.startsWith(plainQ)) return { score: 700 - item.plain.length / 10, via: 'pinyin-prefix' };
    if (plainQ.length >= 2 && item.initials.startsWith(plainQ)) return { score: 650 - item.initials.length, via: 'initials-prefix' };
  }
  // English words.
  const qWords = words(q);
  if (qWords.length === 0) return { score: 0, via: '' };
  const lower = q.toLowerCase().trim();
  if (item.english.some((t) => t === lower || t.replace(/^the /, '') === lower.replace(/^the /, ''))) return { score: 920, via: 'english' };
  const hit = qWords.filter((w) => item.englishWords.has(w)).length;
  if (hit === qWords.length) return { score: 500 + hit * 10 - item.englishWords.size / 10, via: 'english-words' };
  if (hit > 0 && hit >= qWords.length / 2) return { score: 200 + hit * 10, via: 'english-some' };
  if (lower.length >= 4 && e.explanation_en.toLowerCase().includes(lower)) return { score: 80, via: 'english-explanation' };
  return { score: 0, via: '' };
}

export function search(index: SearchIndex, rawQuery: string, limit = 20): SearchResult[] {
  const q = foldString(rawQuery.trim()).replace(/\s+/g, ' ');
  if (!q) return [];
  const results: Array<SearchResult & { count: number }> = [];
  for (const item of index.items) {
    const { score, via } = scoreEntry(item, HAN.test(q) ? q.replace(/\s+/g, '') : q);
    if (score > 0) results.push({ id: item.entry.id, score: Math.round(score * 10) / 10, via, count: item.entry.corpus_count });
  }
  results.sort((a, b) => b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return results.slice(0, limit).map(({ id, score, via }) => ({ id, score, via }));
}
