/**
 * Analysis of a pasted text (or a page's text): the glossary terms it uses, with counts, and phrases
 * that look like formulas but are not in the glossary. Pure: the segmenter (jieba-wasm in the options
 * page) is passed in.
 */
import type { MatchIndex } from './glossary-types';
import { digitCodes, numberedFormulas, quotedPhrases } from './formula-candidates';
import type { Automaton } from './matcher';
import { foldString, prepareMatchText } from './normalize';

export interface TermCount {
  id: string;
  term: string;
  count: number;
}

export interface UnknownPhrase {
  phrase: string;
  kinds: Array<'quoted' | 'numbered' | 'digit-code' | 'segment'>;
  count: number;
}

export interface TextAnalysis {
  characters: number;
  totalMatches: number;
  terms: TermCount[];
  unknown: UnknownPhrase[];
}

export function countTerms(text: string, automaton: Automaton, index: MatchIndex): TermCount[] {
  const counts = new Map<number, number>();
  for (const m of automaton.findMatches(prepareMatchText(text).text)) {
    const e = index.patternEntry[m.pattern]!;
    if (e >= 0) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (index.terms[a[0]]! < index.terms[b[0]]! ? -1 : 1))
    .map(([e, count]) => ({ id: index.ids[e]!, term: index.terms[e]!, count }));
}

const NUMERAL_TOKEN = /^[\u4e00-\u9fff]*[一二两三四五六七八九十][\u4e00-\u9fff]*$/;

export function analyzeText(args: { text: string; automaton: Automaton; index: MatchIndex; segment?: (text: string) => string[] }): TextAnalysis {
  const { text, automaton, index } = args;
  const terms = countTerms(text, automaton, index);
  const known = new Set(index.patterns.map(foldString));
  const unknown = new Map<string, UnknownPhrase>();
  // Each kind finds an occurrence once, but one occurrence may be found by several kinds (“三区四带” is
  // quoted and numbered): a phrase's count is the most any one kind found, not their sum.
  const byKind = new Map<string, number>();
  const add = (phrase: string, kind: UnknownPhrase['kinds'][number]) => {
    const p = phrase.trim();
    if ([...p].length < 2 || p.length > 30 || known.has(foldString(p))) return;
    let u = unknown.get(p);
    if (!u) unknown.set(p, (u = { phrase: p, kinds: [], count: 0 }));
    if (!u.kinds.includes(kind)) u.kinds.push(kind);
    const key = `${kind} ${p}`;
    const n = (byKind.get(key) ?? 0) + 1;
    byKind.set(key, n);
    u.count = Math.max(u.count, n);
  };
  for (const q of quotedPhrases(text)) add(q, 'quoted');
  for (const n of numberedFormulas(text)) add(n, 'numbered');
  for (const d of digitCodes(text)) add(d, 'digit-code');
  if (args.segment) {
    // Segments that carry a numeral and several characters: 三高四新, 发展六仗 once jieba has the terms.
    for (const token of args.segment(text)) if (token.length >= 4 && NUMERAL_TOKEN.test(token) && !/^[一二两三四五六七八九十]+$/.test(token)) add(token, 'segment');
  }
  return {
    characters: text.length,
    totalMatches: terms.reduce((n, t) => n + t.count, 0),
    terms,
    unknown: [...unknown.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1)),
  };
}
