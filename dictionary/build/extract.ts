/**
 * Candidate extraction from cleaned speeches: quoted phrases, numbered formulas, digit codes, and
 * recurring multi-word phrases from jieba segment statistics across speeches.
 */
import type { CleanSpeech } from './clean';
import { digitCodes, numberedFormulas, quotedPhrases } from '../../core/formula-candidates';

export { quotedPhrases };

export type CandidateKind = 'quoted' | 'numbered' | 'digit-code' | 'recurring';

export interface Candidate {
  phrase: string;
  kinds: CandidateKind[];
  count: number;
  speeches: string[];
}

export interface Segmenter {
  cut(text: string): string[];
}

export function extractCandidates(speeches: CleanSpeech[], segmenter: Segmenter): Candidate[] {
  const map = new Map<string, Candidate>();
  const add = (phrase: string, kind: CandidateKind, speech: string) => {
    let c = map.get(phrase);
    if (!c) map.set(phrase, (c = { phrase, kinds: [], count: 0, speeches: [] }));
    if (!c.kinds.includes(kind)) c.kinds.push(kind);
    c.count++;
    if (!c.speeches.includes(speech)) c.speeches.push(speech);
  };
  // Segment statistics for recurring phrases.
  const bigramSpeeches = new Map<string, Set<string>>();
  const bigramCount = new Map<string, number>();

  for (const s of speeches) {
    for (const p of s.paragraphs) {
      for (const q of quotedPhrases(p)) add(q, 'quoted', s.id);
      for (const m of numberedFormulas(p)) add(m, 'numbered', s.id);
      for (const m of digitCodes(p)) add(m, 'digit-code', s.id);
      const tokens = segmenter.cut(p).filter((t) => /^[\u4e00-\u9fff]+$/.test(t));
      for (let i = 0; i + 1 < tokens.length; i++) {
        const a = tokens[i]!;
        const b = tokens[i + 1]!;
        if (a.length < 2 || b.length < 2) continue;
        const phrase = a + b;
        if (phrase.length > 8) continue;
        bigramCount.set(phrase, (bigramCount.get(phrase) ?? 0) + 1);
        let set = bigramSpeeches.get(phrase);
        if (!set) bigramSpeeches.set(phrase, (set = new Set()));
        set.add(s.id);
      }
    }
  }
  for (const [phrase, count] of bigramCount) {
    const inSpeeches = bigramSpeeches.get(phrase)!;
    if (inSpeeches.size >= 3 && count >= 4) {
      for (const id of [...inSpeeches].sort()) add(phrase, 'recurring', id);
      map.get(phrase)!.count = count;
    }
  }
  return [...map.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

