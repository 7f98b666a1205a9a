/**
 * Cleaning a corpus speech. Damage is repaired only where the repair is mechanical (rejoining a
 * paragraph split by a blank line, dropping a repeated paragraph) and every repair is recorded as a
 * note; words are never changed.
 */

export interface CleanSpeech {
  id: string;
  paragraphs: string[];
  /** What was done or seen, in order, with line numbers of the source file. */
  notes: string[];
}

const TERMINAL = /[。！？：；…”’）)」』!?]$/;
const HEADING_END = /(讲话|決議|决议|公告|主席团|代表大会|通过\)|通过）|日\)|日）|\d日)$/;

export function cleanSpeech(id: string, raw: string): CleanSpeech {
  const notes: string[] = [];
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const paras: Array<{ text: string; line: number }> = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t) paras.push({ text: t, line: i + 1 });
  });

  // 1. Rejoin paragraphs split mid-sentence by a blank line.
  const joined: Array<{ text: string; line: number }> = [];
  for (const p of paras) {
    const prev = joined[joined.length - 1];
    if (prev && shouldJoin(prev.text, p.text)) {
      notes.push(`line ${p.line}: rejoined to the paragraph of line ${prev.line} (split mid-sentence: “…${prev.text.slice(-6)}” + “${p.text.slice(0, 6)}…”)`);
      prev.text += p.text;
    } else joined.push({ ...p });
  }

  // 2. Drop repeated paragraphs (the same text again), keeping the first.
  const seen = new Map<string, number>();
  const kept: string[] = [];
  for (const p of joined) {
    // A paragraph that ends with the whole of an earlier one: the tail is a repeat (003, line 41).
    for (const [earlier, line] of seen) {
      if (earlier.length >= 40 && p.text.length > earlier.length && p.text.endsWith(earlier)) {
        notes.push(`line ${p.line}: dropped its tail, which repeats the paragraph of line ${line} (“${earlier.slice(0, 12)}…”)`);
        p.text = p.text.slice(0, -earlier.length);
        break;
      }
    }
    const first = seen.get(p.text);
    if (first !== undefined && p.text.length >= 20) {
      notes.push(`line ${p.line}: dropped, repeats the paragraph of line ${first} (“${p.text.slice(0, 12)}…”)`);
      continue;
    }
    if (first === undefined) seen.set(p.text, p.line);
    kept.push(p.text);
  }

  // 3. Damage left visible: an unfinished ending, unbalanced quotes, masked names.
  const last = kept[kept.length - 1];
  if (last && !TERMINAL.test(last)) notes.push(`the text ends mid-sentence (“…${last.slice(-12)}”): the rest is missing from the source`);
  for (const p of joined) {
    const open = (p.text.match(/“/g) ?? []).length;
    const close = (p.text.match(/”/g) ?? []).length;
    if (open !== close) notes.push(`line ${p.line}: unbalanced quotation marks (${open} “ and ${close} ”)`);
  }
  const masked = raw.match(/[^\s*]{0,3}\*[^\s*]{0,2}/g) ?? [];
  if (masked.length > 0) notes.push(`a name is masked as * in the source (${masked.length} times), e.g. ${masked.slice(0, 4).map((m) => `“…${m}…”`).join(' ')}`);
  return { id, paragraphs: kept, notes };
}

function shouldJoin(prev: string, next: string): boolean {
  if (TERMINAL.test(prev)) return false;
  if (prev.length <= 12) return false; // a speaker's name or a date line
  if (prev.length <= 60 && HEADING_END.test(prev)) return false; // a title
  if (/^[(（]/.test(next)) return false;
  return true;
}

/** Sentences of a paragraph, each with its closing punctuation and closing quote. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[^。！？；!?]*(?:[。！？；!?]+[”’」』]?|$)/g;
  for (const m of paragraph.match(re) ?? []) if (m.trim()) out.push(m.trim());
  return out;
}
