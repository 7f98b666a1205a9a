/**
 * Candidates from the official record: quoted phrases, numbered formulas and recurring set phrases,
 * with their counts per document, ranked by how often and how recently the record uses them.
 */
import { NOT_FORMULA, NUMBERED_FORMULA, quotedPhrases } from '../../core/formula-candidates';
import { HAN_RE } from '../../core/normalize';
import type { RecordDocument } from './record';

export type RecordCandidateKind = 'quoted' | 'numbered' | 'recurring';

export interface RecordCandidate {
  phrase: string;
  kinds: RecordCandidateKind[];
  count: number;
  /** Uses per document, in the record's order. */
  docs: Array<{ doc: string; count: number }>;
  last_year: number;
  /** Σ count × 0.85^(newest year − year): recent use weighs most. */
  score: number;
}

export interface RecordSegmenter {
  /** Words of a text, as jieba cuts it with the glossary's terms known. */
  cut(text: string): string[];
  /** Is this phrase one word of ordinary language (jieba's own dictionary, without the glossary's terms)? */
  isOrdinaryWord(phrase: string): boolean;
  /** Where the glossary's terms occur in a text, as [start, end) spans. */
  termSpans(text: string): Array<[number, number]>;
  /** A word's share of ordinary language (jieba's dictionary frequencies), smoothed: never 0. */
  generalShare(word: string): number;
}

/** Quoted phrases worth a decision: short, with Han text (a sentence-long quotation is a quotation, not a formula). */
function isQuotedCandidate(q: string): boolean {
  return [...q].length <= 16 && /[\u4e00-\u9fff]/.test(q) && !/[。！？]/.test(q);
}

const WHOLE_FORMULA = new RegExp(`^(?:${NUMBERED_FORMULA.source})$`);
/** Numbers and counting words that the numbered-formula pattern also takes: 一千三百, 七十八点, 三分之一, 一条…, 二十一世纪. */
const NOT_RECORD_FORMULA = /^[一二两三四五六七八九十百千万零点]+个?$|点|分之|世纪|以上|以下|多年|二战|^(一条|一项|一大|一点|一心)/;

/**
 * Numbered formulas that start and end on word boundaries, each the shortest such reading: 五项原则 in
 * 五项原则基础上, and nothing in 长三角一体化 (三角 does not start a word there).
 */
function numberedOnBoundaries(paragraph: string, words: string[]): string[] {
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const w of words) bounds.add((at += w.length));
  const out: string[] = [];
  for (const m of paragraph.matchAll(new RegExp(NUMBERED_FORMULA.source, 'g'))) {
    const i = m.index;
    if (!bounds.has(i)) continue;
    // The pattern's greedy reading can stop short of the word's end (三去一降一 of 三去一降一补): look two further.
    for (let j = i + 3; j <= Math.min(paragraph.length, i + m[0].length + 2); j++) {
      const s = paragraph.slice(i, j);
      if (!bounds.has(j) || !WHOLE_FORMULA.test(s)) continue;
      if (!NOT_FORMULA.test(s) && !NOT_RECORD_FORMULA.test(s)) out.push(s);
      break;
    }
  }
  return out;
}

export const RECURRING_MIN_DOCS = 8;
const RECURRING_MIN_PMI = 2.5;
/**
 * How much more often the record puts the two words together than ordinary language would (log2 of the
 * pair's share of the record's words over the product of the words' shares of jieba's dictionary).
 * 经济发展 and 人民群众 fall below it; 高质量发展 and 新发展格局 stand far above.
 */
export const RECURRING_MIN_KEYNESS = 14;
/** A recurring phrase that stands inside a glossary term this often is a piece of that term (中国特色 of 中国特色社会主义). */
const INSIDE_TERM_SHARE = 0.5;

export function extractRecordCandidates(record: RecordDocument[], seg: RecordSegmenter): RecordCandidate[] {
  const newest = Math.max(...record.map((d) => d.year));
  const year = new Map(record.map((d) => [d.id, d.year]));
  const found = new Map<string, { kinds: Set<RecordCandidateKind>; perDoc: Map<string, number> }>();
  const add = (phrase: string, kind: RecordCandidateKind, doc: string) => {
    let c = found.get(phrase);
    if (!c) found.set(phrase, (c = { kinds: new Set(), perDoc: new Map() }));
    c.kinds.add(kind);
    if (kind !== 'recurring') c.perDoc.set(doc, (c.perDoc.get(doc) ?? 0) + 1);
  };
  // Segment statistics for recurring phrases: adjacent pairs of words of two or more Han characters.
  const wordCount = new Map<string, number>();
  const pairPerDoc = new Map<string, Map<string, number>>();
  const pairInsideTerm = new Map<string, number>();
  let words = 0;
  for (const d of record) {
    for (const p of d.paragraphs) {
      for (const q of quotedPhrases(p)) if (isQuotedCandidate(q)) add(q, 'quoted', d.id);
      const tokens = seg.cut(p);
      for (const m of numberedOnBoundaries(p, tokens)) add(m, 'numbered', d.id);
      const han = tokens.map((t) => (HAN_RE.test(t) && /^[\u4e00-\u9fff]+$/.test(t) ? t : ''));
      // reach[i]: the furthest end of a term occurrence that starts at or before i.
      const reach = new Int32Array(p.length + 1);
      for (const [x, y] of seg.termSpans(p)) if (reach[x]! < y) reach[x] = y;
      for (let i = 1; i <= p.length; i++) if (reach[i]! < reach[i - 1]!) reach[i] = reach[i - 1]!;
      const starts: number[] = [];
      let offset = 0;
      for (const t of tokens) (starts.push(offset), (offset += t.length));
      for (let i = 0; i < han.length; i++) {
        const a = han[i]!;
        if (!a) continue;
        words++;
        wordCount.set(a, (wordCount.get(a) ?? 0) + 1);
        const b = han[i + 1];
        if (!b || a.length < 2 || b.length < 2 || a.length + b.length > 8) continue;
        const pair = a + '\u0000' + b;
        let per = pairPerDoc.get(pair);
        if (!per) pairPerDoc.set(pair, (per = new Map()));
        per.set(d.id, (per.get(d.id) ?? 0) + 1);
        const from = starts[i]!;
        const to = from + a.length + b.length;
        if (reach[from]! >= to) pairInsideTerm.set(pair, (pairInsideTerm.get(pair) ?? 0) + 1);
      }
    }
  }
  for (const [pair, per] of pairPerDoc) {
    if (per.size < RECURRING_MIN_DOCS) continue;
    const [a, b] = pair.split('\u0000') as [string, string];
    const n = [...per.values()].reduce((x, y) => x + y, 0);
    // How much more often the two words stand together than chance would have them.
    const pmi = Math.log2((n * words) / (wordCount.get(a)! * wordCount.get(b)!));
    if (pmi < RECURRING_MIN_PMI) continue;
    const keyness = Math.log2(n / words / (seg.generalShare(a) * seg.generalShare(b)));
    if (keyness < RECURRING_MIN_KEYNESS) continue;
    if ((pairInsideTerm.get(pair) ?? 0) >= INSIDE_TERM_SHARE * n) continue;
    const phrase = a + b;
    if (seg.isOrdinaryWord(phrase)) continue;
    add(phrase, 'recurring', '');
    const c = found.get(phrase)!;
    for (const [doc, k] of per) c.perDoc.set(doc, Math.max(c.perDoc.get(doc) ?? 0, k));
  }
  const order = new Map(record.map((d, i) => [d.id, i]));
  const out: RecordCandidate[] = [];
  for (const [phrase, c] of found) {
    const docs = [...c.perDoc].map(([doc, count]) => ({ doc, count })).sort((x, y) => order.get(x.doc)! - order.get(y.doc)!);
    const count = docs.reduce((n, d) => n + d.count, 0);
    const score = docs.reduce((s, d) => s + d.count * 0.85 ** (newest - year.get(d.doc)!), 0);
    out.push({
      phrase,
      kinds: (['quoted', 'numbered', 'recurring'] as const).filter((k) => c.kinds.has(k)),
      count,
      docs,
      last_year: Math.max(...docs.map((d) => year.get(d.doc)!)),
      score: Math.round(score * 1000) / 1000,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

/** The documents whose quoted phrases and numbered formulas must all be accounted for. */
export function isCoverageDocument(d: RecordDocument): boolean {
  return (d.kind === 'government-work-report' && d.year >= 2012) || (d.kind === 'congress-report' && d.year >= 2012);
}
export const COVERAGE_RECURRING_TOP = 300;
