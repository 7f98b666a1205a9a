/**
 * Character folding used on both sides of matching. Every function here keeps string length
 * (one UTF-16 unit in, one out) so offsets never drift.
 */

/** Fold one UTF-16 code unit: full-width ASCII to half-width, ideographic space to space, ASCII lower case. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code;
}

export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

/** A Han character (BMP ranges, or a surrogate of the supplementary ideographic planes). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd8bf) // high surrogates of planes 2-3 (U+20000..U+3FFFF, CJK ext. B-I)
  );
}

/** Any code unit isSpaceCode accepts (kept in step with it; a unit test compares them). */
export const ANY_SPACE_RE = /[\u0009\u000a\u000c\u000d\u0020\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

export const HAN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/; // same ranges as isHanCode
export function hasHan(s: string): boolean {
  return HAN_RE.test(s);
}

/**
 * Text prepared for matching: `text` is the folded text with whitespace between Han characters
 * removed; `rawOffset[i]` is the offset in the raw string of `text[i]`.
 */
/** A text code unit as the matcher sees it: whitespace as U+0020, then folded. */
export function foldTextCode(code: number): number {
  return isSpaceCode(code) ? 0x20 : foldCode(code);
}

/**
 * Does `raw` hold a whitespace run between two Han characters (which prepareMatchText drops)? If not,
 * the matcher can read `raw` itself, folding as it goes, and offsets need no mapping.
 */
export function hasDroppableSpace(raw: string): boolean {
  // Most Chinese text has no whitespace at all: one native scan settles it.
  if (!ANY_SPACE_RE.test(raw)) return false;
  let lastIsHan = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isSpaceCode(code)) {
      if (!lastIsHan) continue;
      let j = i + 1;
      while (j < raw.length && isSpaceCode(raw.charCodeAt(j))) j++;
      if (j < raw.length && isHanCode(raw.charCodeAt(j))) return true;
      lastIsHan = false;
      i = j - 1;
      continue;
    }
    if (code < 0xdc00 || code > 0xdfff) lastIsHan = isHanCode(code);
  }
  return false;
}

export interface MatchText {
  text: string;
  rawOffset: Int32Array;
}

export function prepareMatchText(raw: string): MatchText {
  const n = raw.length;
  const rawOffset = new Int32Array(n);
  const codes: number[] = [];
  let lastKeptIsHan = false; // a low surrogate inherits this from its high surrogate
  let i = 0;
  while (i < n) {
    const code = raw.charCodeAt(i);
    if (isSpaceCode(code)) {
      let j = i + 1;
      while (j < n && isSpaceCode(raw.charCodeAt(j))) j++;
      // Justified layouts and &nbsp; put spaces between Han characters; they must not stop a match.
      const dropRun = lastKeptIsHan && j < n && isHanCode(raw.charCodeAt(j));
      if (!dropRun) {
        for (let k = i; k < j; k++) {
          rawOffset[codes.length] = k;
          codes.push(0x20);
        }
        lastKeptIsHan = false;
      }
      i = j;
      continue;
    }
    const folded = foldCode(code);
    rawOffset[codes.length] = i;
    codes.push(folded);
    if (code < 0xdc00 || code > 0xdfff) lastKeptIsHan = isHanCode(code);
    i++;
  }
  let text = '';
  const CHUNK = 8192;
  for (let k = 0; k < codes.length; k += CHUNK) text += String.fromCharCode(...codes.slice(k, k + CHUNK));
  return { text, rawOffset: rawOffset.subarray(0, codes.length) };
}
