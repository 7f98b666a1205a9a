/**
 * Validation of curated entries (ours in dictionary/entries/, or a user's imported glossary file).
 * Every error names the file, the entry and the field. Pure: used by the Node build and the options page.
 */
import { CATEGORIES, EVIDENCE, LEVELS, type CuratedEntry } from './glossary-types';

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the glossary:\n  ${problems.join('\n  ')}`);
    this.name = 'GlossaryError';
  }
}

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_TEXT = 4000;
const FIELDS = new Set([
  'id', 'term', 'variants', 'pinyin', 'category', 'level', 'region', 'summary_zh', 'explanation_zh',
  'english', 'explanation_en', 'components', 'origin', 'evidence', 'related', 'notes', 'sources',
]);
/** Wording that says plainly that a meaning or items are not stated by a source. */
const NOT_STATED_ZH = /(未|没有|並未|不详|推断|無|无从)/;

export interface SourceFile {
  /** A name for messages: a path, or "your glossary file". */
  name: string;
  data: unknown;
}

/** A surface form that can be matched: at least two characters, or three for a digit code. */
export function isMatchableSurface(s: string): boolean {
  if (/^[0-9]+$/.test(s)) return s.length >= 3;
  return [...s].length >= 2;
}

export interface ValidateOptions {
  /** Ids and terms outside these files that `related` may name (the bundled glossary, for a user's file). */
  knownIds?: Set<string>;
}

export function validateEntries(files: SourceFile[], options: ValidateOptions = {}): CuratedEntry[] {
  const problems: string[] = [];
  const entries: CuratedEntry[] = [];
  const where = new Map<string, string>();
  for (const file of files) {
    if (!Array.isArray(file.data)) {
      problems.push(`${file.name}: expected a JSON array of entries, got ${describe(file.data)}`);
      continue;
    }
    file.data.forEach((raw: unknown, index) => {
      const label = (id: unknown) => `${file.name}: entry #${index + 1}${typeof id === 'string' ? ` "${id}"` : ''}`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push(`${label(undefined)}: expected an object, got ${describe(raw)}`);
        return;
      }
      const e = raw as Record<string, unknown>;
      const at = label(e.id);
      const bad = (field: string, msg: string) => problems.push(`${at}: field "${field}": ${msg}`);
      for (const key of Object.keys(e)) if (!FIELDS.has(key)) bad(key, 'unknown field (a typo?)');

      const str = (field: string, required: boolean) => {
        const v = e[field];
        if (v === undefined || v === null) {
          if (required) bad(field, 'is required');
          return;
        }
        if (typeof v !== 'string') bad(field, `must be a string, got ${describe(v)}`);
        else if (required && v.trim() === '') bad(field, 'must not be empty');
        else if (v.length > MAX_TEXT) bad(field, `is ${v.length} characters long; the limit is ${MAX_TEXT}`);
      };
      const strList = (field: string) => {
        const v = e[field];
        if (v === undefined) return;
        if (!Array.isArray(v)) {
          bad(field, `must be an array of strings, got ${describe(v)}`);
          return;
        }
        if (v.length > 200) bad(field, `has ${v.length} items; the limit is 200`);
        v.forEach((x, i) => {
          if (typeof x !== 'string' || x.trim() === '') bad(field, `item ${i + 1} must be a non-empty string`);
          else if (x.length > MAX_TEXT) bad(field, `item ${i + 1} is too long`);
        });
      };
      const oneOf = (field: string, allowed: readonly string[]) => {
        const v = e[field];
        if (typeof v !== 'string' || !allowed.includes(v)) bad(field, `must be one of ${allowed.join(', ')}; got ${describe(v)}`);
      };

      str('id', true);
      if (typeof e.id === 'string' && !ID_RE.test(e.id)) bad('id', 'must be a lowercase slug like "si-ge-yi-shi"');
      str('term', true);
      for (const f of ['summary_zh', 'explanation_zh', 'explanation_en']) str(f, true);
      for (const f of ['pinyin', 'region', 'origin']) str(f, false);
      for (const f of ['variants', 'components', 'related', 'notes']) strList(f);
      // Citations: objects with a quote, checked against their sources by the build (core/citations.ts). A plain
      // line naming a source is still read from a user's file (the format before citations), never from ours.
      if (e.sources !== undefined) {
        if (!Array.isArray(e.sources)) bad('sources', 'must be an array of citations {doc | speech | title, date, url?, quote}');
        else if (e.sources.length > 50) bad('sources', `has ${e.sources.length} citations; the limit is 50`);
        else
          e.sources.forEach((c: unknown, i) => {
            if (typeof c === 'string' && c.trim() !== '' && c.length <= MAX_TEXT) return;
            const o = c as Record<string, unknown> | null;
            if (typeof o !== 'object' || o === null || Array.isArray(o) || typeof o.quote !== 'string' || o.quote.trim() === '' || o.quote.length > MAX_TEXT)
              bad('sources', `citation ${i + 1} must be an object with a "quote"`);
          });
      }
      oneOf('category', CATEGORIES);
      oneOf('level', LEVELS);
      oneOf('evidence', EVIDENCE);
      if (e.level !== 'central' && e.level !== undefined && (typeof e.region !== 'string' || e.region.trim() === '')) {
        bad('region', `is required when level is "${String(e.level)}"`);
      }
      if (!Array.isArray(e.english) || e.english.length === 0) bad('english', 'must be a non-empty array of {text, source}');
      else
        e.english.forEach((r: unknown, i) => {
          const o = r as Record<string, unknown> | null;
          if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || o.text.trim() === '' || typeof o.source !== 'string' || o.source.trim() === '')
            bad('english', `item ${i + 1} must be {"text": "...", "source": "..."}`);
        });
      // Page text loses whitespace between Han characters before matching, so a surface with
      // whitespace in it could never match.
      if (typeof e.term === 'string' && /\s/.test(e.term)) bad('term', 'must not contain whitespace (write 两个确立, not 两个 确立)');
      else if (typeof e.term === 'string' && !isMatchableSurface(e.term)) bad('term', 'must be at least two characters (three for a digit code)');
      if (Array.isArray(e.variants))
        e.variants.forEach((v, i) => {
          if (typeof v === 'string' && /\s/.test(v)) bad('variants', `item ${i + 1} "${v}" contains whitespace and could never match`);
          else if (typeof v === 'string' && !isMatchableSurface(v)) bad('variants', `item ${i + 1} "${v}" is too short to match safely`);
        });
      if (e.evidence === 'context-only') {
        if (Array.isArray(e.components) && e.components.length > 0)
          bad('components', 'a context-only entry must list no items: no source states them');
        if (typeof e.explanation_zh === 'string' && !NOT_STATED_ZH.test(e.explanation_zh))
          bad('explanation_zh', 'a context-only entry must say plainly that its meaning or items are not stated (未/没有/推断…)');
      }
      if (typeof e.id === 'string') {
        const prior = where.get(e.id);
        if (prior) bad('id', `duplicates the id of ${prior}`);
        else where.set(e.id, at);
      }
      entries.push(e as unknown as CuratedEntry);
    });
  }
  // Every surface form must name one entry only.
  const surfaceOwner = new Map<string, string>();
  for (const e of entries) {
    if (typeof e.term !== 'string') continue;
    for (const s of [e.term, ...(Array.isArray(e.variants) ? e.variants : [])]) {
      const owner = surfaceOwner.get(s);
      if (owner && owner !== e.id) problems.push(`entry "${e.id}": surface "${s}" is also the term or a variant of "${owner}"`);
      else surfaceOwner.set(s, e.id);
    }
  }
  // Related terms must resolve to entries (by id or term).
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const r of Array.isArray(e.related) ? e.related : []) {
      if (!ids.has(r) && !surfaceOwner.has(r) && !options.knownIds?.has(r)) problems.push(`entry "${e.id}": field "related": "${r}" is not an entry's id, term or variant`);
    }
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return entries;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  return typeof v;
}
