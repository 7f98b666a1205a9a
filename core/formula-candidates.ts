/**
 * What looks like a formula: quoted phrases, numbered formulas (两个确立, 三高四新, 一府一委两院,
 * 发展六仗), digit codes (1353, 881314). Shared by the glossary build and the text analysis page.
 */

const NUMERAL = '一二两三四五六七八九十';
export const NUMBERED_FORMULA = new RegExp(
  `(?:[${NUMERAL}][\\u4e00-\\u9fff]{1,2}){2,4}|[${NUMERAL}](?:个|大|张|项|条|型|好|心|星|量|风|帮|链|不)[\\u4e00-\\u9fff]{1,4}|[\\u4e00-\\u9fff]{2}[${NUMERAL}][仗战招]`,
  'g',
);
/** Ordinary uses of numerals that are not formulas. */
export const NOT_FORMULA =
  /^(第|一些|一起|一切|一定|一直|一道|一年|一批批|一大批|一流|一线|一步|一次|一番|一系列|一方面|一件|一项项|两年|三年|十年|五年|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|一要|二要|三要|一个|两个方面)|届|次会议|二十大|十九大|十八大|年|月|日|亿|万|元|多|余/;
export const DIGIT_CODE = /(?<![\d.％%年])\d{3,6}(?![\d.％%年月日万亿元个家项户人])/g;

/**
 * Phrases between “ and ”. A “ opened again before the close restarts the phrase, so damage such as
 * “闯的精神、“创” yields “创”.
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

export function numberedFormulas(text: string): string[] {
  return (text.match(NUMBERED_FORMULA) ?? []).filter((m) => !NOT_FORMULA.test(m));
}

export function digitCodes(text: string): string[] {
  return (text.match(DIGIT_CODE) ?? []).filter((m) => !/^(19|20)\d\d$/.test(m));
}
