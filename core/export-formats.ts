/** Export formats: CSV (RFC 4180), an Anki-importable TSV, and the JSON backup with its checks. Pure. */
import type { Entry } from './glossary-types';

export function csvCell(value: string | number): string {
  const s = String(value);
  // A leading = + - @ would be a formula in a spreadsheet: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function termReportCsv(terms: Array<{ term: string; count: number }>, entries: Map<string, Entry> | null, idOf?: (term: string) => string | undefined): string {
  return toCsv(
    ['term', 'count', 'pinyin', 'level', 'category', 'summary_zh'],
    terms.map((t) => {
      const e = entries && idOf ? entries.get(idOf(t.term) ?? '') : undefined;
      return [t.term, t.count, e?.pinyin ?? '', e?.level ?? '', e?.category ?? '', e?.summary_zh ?? ''];
    }),
  );
}

function tsvCell(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

/** Anki: front and back separated by a tab, one note per line; `#separator:tab` header lines. */
export function ankiTsv(entries: Entry[]): string {
  const lines = ['#separator:tab', '#html:false', '#columns:Front\tBack\tTags'];
  for (const e of entries) {
    const back = [e.summary_zh, e.components.length ? e.components.map((c, i) => `${i + 1}. ${c}`).join('；') : '', e.english.map((r) => r.text).join(' / ')]
      .filter(Boolean)
      .join(' — ');
    lines.push([tsvCell(`${e.term}（${e.pinyin}）`), tsvCell(back), `tifa ${e.category} ${e.level}`].join('\t'));
  }
  return lines.join('\n') + '\n';
}

export const BACKUP_FORMAT = 'tifa-reader-backup';
export const BACKUP_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  settings: unknown;
  vocabulary: unknown;
  review: unknown;
  userEntries: unknown;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parse a file's text as JSON, refusing what is too big or too deep before it can do harm. */
export function parseJsonFile(text: string, what: string): ParseResult<unknown> {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: `${what} is ${(text.length / 1048576).toFixed(1)} MB; the limit is 5 MB.` };
  // Nesting depth, counted outside strings, before JSON.parse recurses into it.
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  if (max > 32) return { ok: false, error: `${what} is nested ${max} levels deep; a glossary or backup needs at most 32.` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: `${what} is not valid JSON: ${(err as Error).message}` };
  }
}

export function parseBackup(text: string): ParseResult<Backup> {
  const parsed = parseJsonFile(text, 'The backup file');
  if (!parsed.ok) return parsed;
  const b = parsed.value as Record<string, unknown> | null;
  if (typeof b !== 'object' || b === null || Array.isArray(b) || b.format !== BACKUP_FORMAT)
    return { ok: false, error: `This is not a Tifa Reader backup (no "format": "${BACKUP_FORMAT}").` };
  if (typeof b.version !== 'number' || b.version > BACKUP_VERSION)
    return { ok: false, error: `This backup has version ${String(b.version)}; this version of Tifa Reader reads up to ${BACKUP_VERSION}.` };
  if (!Array.isArray(b.vocabulary)) return { ok: false, error: 'The backup has no vocabulary list ("vocabulary" must be an array).' };
  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: b.version,
      exportedAt: typeof b.exportedAt === 'string' ? b.exportedAt : '',
      settings: b.settings ?? null,
      vocabulary: b.vocabulary,
      review: b.review ?? {},
      userEntries: b.userEntries ?? [],
    },
  };
}
