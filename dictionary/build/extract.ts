/**
 * Candidate extraction from cleaned speeches: quoted phrases, numbered formulas, digit codes, and
 * recurring multi-word phrases from jieba segment statistics across speeches.
 */
import type { CleanSpeech } from './clean';

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

const NUMERAL = '一二两三四五六七八九十';
/** Numbered formulas: 两个确立, 三高四新, 一府一委两院, 六稳六保, 发展六仗, 五张产业名片. */
const NUMBERED = new RegExp(
  `(?:[${NUMERAL}][\\u4e00-\\u9fff]{1,2}){2,4}|[${NUMERAL}](?:个|大|张|项|条|型|好|心|星|量|风|帮|链|不)[\\u4e00-\\u9fff]{1,4}|[\\u4e00-\\u9fff]{2}[${NUMERAL}][仗战招]`,
  'g',
);
/** Ordinary uses of numerals that are not formulas. */
const NOT_FORMULA = /^(第|一些|一起|一切|一定|一直|一道|一年|一批批|一大批|一流|一线|一步|一次|一番|一系列|一方面|一件|一项项|两年|三年|十年|五年|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|一要|二要|三要|一个|两个方面|一些)|届|次会议|二十大|十九大|十八大|年|月|日|亿|万|元|多|余/;

const DIGIT_CODE = /(?<![\d.％%年])\d{3,6}(?![\d.％%年月日万亿元个家项户人])/g;

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
      for (const m of p.match(NUMBERED) ?? []) if (!NOT_FORMULA.test(m)) add(m, 'numbered', s.id);
      for (const m of p.match(DIGIT_CODE) ?? []) if (!/^(19|20)\d\d$/.test(m)) add(m, 'digit-code', s.id);
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

/**
 * Phrases between “ and ”. A “ opened again before the close restarts the phrase, so damage such as
 * “闯的精神、“创” yields “创”, and the unbalanced mark is reported by the cleaner.
 */
export function quotedPhrases(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') start = i + 1;
    else if (c === '”' && start >= 0) {
      const phrase = text.slice(start, i).trim();
      if (phrase) out.push(phrase);
      start = -1;
    }
  }
  return out;
}
