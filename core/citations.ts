/**
 * Citations: the quoted sources that carry an entry's claims, and the checks the build runs on them.
 * Pure: the Node build passes in the texts of the record and the corpus; nothing here reads files.
 */

/** What a claim may cite. A citation of a document of the record or of a corpus speech is checked word for word. */
export const SUPPORTS = ['meaning', 'components', 'origin', 'english'] as const;
export type Support = (typeof SUPPORTS)[number];

/** A citation as written in an entry: one of the record (`doc`), of a corpus speech (`speech`), or of any other named source. */
export interface CuratedCitation {
  /** A document of dictionary/record/documents.json, e.g. "cpc-congress-20". Title, date and url then come from the record. */
  doc?: string;
  /** A speech of dictionary/corpus/speeches.json, e.g. "001". */
  speech?: string;
  title?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  url?: string;
  /** A short verbatim passage (at most 300 characters) that supports the entry. */
  quote: string;
  /** Which claims it carries, when it is cited for more than the meaning (origin must be named). */
  supports?: Support[];
}

/** A citation in the generated glossary: always titled and dated. */
export interface Citation {
  title: string;
  date: string;
  url: string | null;
  quote: string;
  /** The record document or corpus speech it names, when it names one ("record:gwr-2025", "speech:001"). */
  ref: string | null;
  supports: Support[];
}

export const MAX_QUOTE = 300;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Text as a verbatim check compares it: whitespace (ideographic space too) and zero-width marks removed. */
export function compactText(s: string): string {
  return s.replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** Text with punctuation, spacing and case set aside: how a quote is searched for components and English wording. */
export function looseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Does `quote` contain `item`, punctuation, spacing and case aside? */
export function quoteContains(quote: string, item: string): boolean {
  const needle = looseText(item);
  return needle !== '' && looseText(quote).includes(needle);
}

export interface CitationContext {
  /** Compacted full text of each record document, by id, with its title, date and url. */
  record: Map<string, { title: string; date: string; url: string; text: string }>;
  /** Compacted full text of each corpus speech, by id, with its title and date. */
  speeches: Map<string, { title: string; date: string; text: string }>;
}

export interface CitedClaims {
  components?: string[];
  english?: Array<{ text: string; source: string }>;
  origin?: string;
  evidence?: string;
  sources?: unknown;
}

/** The English renderings that need no outlet's quote: ours. */
export function isOurRendering(source: string): boolean {
  return /^our rendering\b/i.test(source.trim());
}

/**
 * Checks an entry's `sources` against the rules of dictionary/ENTRIES.md; returns the problems
 * (field-prefixed) and the citations as the glossary carries them.
 */
export function checkCitations(entry: CitedClaims, ctx: CitationContext): { problems: string[]; citations: Citation[] } {
  const problems: string[] = [];
  const citations: Citation[] = [];
  const raw = entry.sources;
  if (raw !== undefined && !Array.isArray(raw)) return { problems: ['field "sources": must be an array of citations'], citations };
  (raw ?? []).forEach((c: unknown, i: number) => {
    const at = `field "sources": citation ${i + 1}`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) {
      problems.push(`${at}: must be an object {doc | speech | title, date, url?, quote} (a plain string is not a citation)`);
      return;
    }
    const o = c as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!['doc', 'speech', 'title', 'date', 'url', 'quote', 'supports'].includes(k)) problems.push(`${at}: unknown field "${k}"`);
    if (typeof o.quote !== 'string' || o.quote.trim() === '') {
      problems.push(`${at}: "quote" is required: a short verbatim passage`);
      return;
    }
    const quote = o.quote.trim();
    if ([...quote].length > MAX_QUOTE) problems.push(`${at}: the quote is ${[...quote].length} characters long; the limit is ${MAX_QUOTE}`);
    const supports = Array.isArray(o.supports) ? o.supports : [];
    if (o.supports !== undefined && (!Array.isArray(o.supports) || !o.supports.every((s) => (SUPPORTS as readonly unknown[]).includes(s))))
      problems.push(`${at}: "supports" must be a list of ${SUPPORTS.join(', ')}`);
    const base = { quote, supports: supports as Support[] };
    if (o.doc !== undefined) {
      const doc = typeof o.doc === 'string' ? ctx.record.get(o.doc) : undefined;
      if (!doc) {
        problems.push(`${at}: "doc" ${JSON.stringify(o.doc)} is not a document of the record (dictionary/record/documents.json)`);
        return;
      }
      if (o.title !== undefined || o.date !== undefined || o.url !== undefined) problems.push(`${at}: a citation of the record takes its title, date and url from the record; leave them out`);
      if (!doc.text.includes(compactText(quote))) problems.push(`${at}: the quote is not in ${o.doc} (${doc.title}) word for word: “${quote.slice(0, 40)}…”`);
      citations.push({ title: doc.title, date: doc.date, url: doc.url, ref: `record:${o.doc as string}`, ...base });
      return;
    }
    if (o.speech !== undefined) {
      const sp = typeof o.speech === 'string' ? ctx.speeches.get(o.speech) : undefined;
      if (!sp) {
        problems.push(`${at}: "speech" ${JSON.stringify(o.speech)} is not a speech of the corpus`);
        return;
      }
      if (!sp.text.includes(compactText(quote))) problems.push(`${at}: the quote is not in speech ${o.speech as string} word for word: “${quote.slice(0, 40)}…”`);
      citations.push({ title: sp.title, date: sp.date, url: null, ref: `speech:${o.speech as string}`, ...base });
      return;
    }
    if (typeof o.title !== 'string' || o.title.trim() === '') problems.push(`${at}: "title" is required (or "doc" for the record, "speech" for the corpus)`);
    if (typeof o.date !== 'string' || !DATE_RE.test(o.date)) problems.push(`${at}: "date" must be YYYY, YYYY-MM or YYYY-MM-DD`);
    if (o.url !== undefined && (typeof o.url !== 'string' || !/^https?:\/\/\S+$/.test(o.url))) problems.push(`${at}: "url" must be an http(s) address`);
    // A named document of the record is checked even when cited by title.
    const sameTitle = [...ctx.record.entries()].find(([, d]) => d.title === o.title);
    if (sameTitle && !sameTitle[1].text.includes(compactText(quote))) problems.push(`${at}: the quote is not in ${sameTitle[0]} (${sameTitle[1].title}) word for word`);
    citations.push({ title: String(o.title ?? ''), date: String(o.date ?? ''), url: typeof o.url === 'string' ? o.url : null, ref: sameTitle ? `record:${sameTitle[0]}` : null, ...base });
  });

  const quotes = citations.map((c) => c.quote);
  const components = entry.components ?? [];
  if (components.length > 0 && !quotes.some((q) => components.every((item) => quoteContains(q, item)))) {
    const best = quotes.length ? Math.max(...quotes.map((q) => components.filter((item) => quoteContains(q, item)).length)) : 0;
    problems.push(`field "components": no citation quotes every item (the best quotes ${best} of ${components.length}); cite a passage that states them, or list no items`);
  }
  for (const r of entry.english ?? []) {
    if (isOurRendering(r.source)) continue;
    if (!quotes.some((q) => quoteContains(q, r.text)))
      problems.push(`field "english": "${r.text}" is attributed to ${r.source}, but no citation quotes it; cite the outlet's text or make it "our rendering"`);
  }
  if (entry.origin && !citations.some((c) => c.supports.includes('origin')))
    problems.push('field "origin": needs a citation marked "supports": ["origin"], or leave the origin out');
  if (entry.evidence === 'public-record' && citations.length === 0) problems.push('field "sources": a public-record entry needs at least one citation');
  return { problems, citations };
}

/**
 * Windows of `paragraph` of at most `maxLen` characters that contain every word, widened to whole
 * clauses where that fits: passages to paste as quotes (scripts/record-find.ts).
 */
export function findPassages(paragraph: string, words: string[], maxLen: number): string[] {
  const out: string[] = [];
  const first = words[0];
  if (!first) return out;
  let from = 0;
  for (;;) {
    const at = paragraph.indexOf(first, from);
    if (at < 0) break;
    from = at + 1;
    let start = at;
    let end = at + first.length;
    let ok = true;
    for (const w of words.slice(1)) {
      // The nearest occurrence of each other word, before or after.
      const after = paragraph.indexOf(w, at);
      const before = paragraph.lastIndexOf(w, at);
      const cands = [after, before].filter((x) => x >= 0);
      if (cands.length === 0) {
        ok = false;
        break;
      }
      const best = cands.sort((a, b) => Math.abs(a - at) - Math.abs(b - at))[0]!;
      start = Math.min(start, best);
      end = Math.max(end, best + w.length);
    }
    if (!ok || end - start > maxLen) continue;
    // Widen to clause boundaries while the window stays within maxLen.
    const stops = /[。！？；]/;
    let s = start;
    while (s > 0 && !stops.test(paragraph[s - 1]!) && end - (s - 1) <= maxLen) s--;
    let e = end;
    while (e < paragraph.length && !stops.test(paragraph[e - 1]!) && e + 1 - s <= maxLen) e++;
    const passage = paragraph.slice(s, e);
    if (!out.includes(passage)) out.push(passage);
  }
  return out;
}
