import { describe, expect, it } from 'vitest';
import { ankiTsv, csvCell, parseBackup, parseJsonFile, toCsv } from '../../core/export-formats';
import type { Entry } from '../../core/glossary-types';

const entry = {
  id: 'si-ge-yi-shi', term: '四个意识', variants: [], pinyin: 'sì gè yì shí', category: 'ideology', level: 'central', region: null,
  summary_zh: '政治意识、大局意识', explanation_zh: '…', english: [{ text: 'Four Consciousnesses', source: 'Xinhua' }], explanation_en: '…',
  components: ['政治意识', '大局意识', '核心意识', '看齐意识'], origin: null, evidence: 'public-record', related: [], examples: [], notes: [], sources: [], corpus_count: 3, history: { first: null, uses: [] },
} as Entry;

describe('export formats', () => {
  it('quotes CSV cells with commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(toCsv(['term', 'count'], [['两个确立', 3]])).toBe('term,count\r\n两个确立,3\r\n');
  });
  it('writes an Anki TSV with one note per line and no stray tabs', () => {
    const tsv = ankiTsv([{ ...entry, summary_zh: 'a\tb\nc' }]);
    const lines = tsv.trim().split('\n');
    expect(lines[0]).toBe('#separator:tab');
    const note = lines[3]!.split('\t');
    expect(note).toHaveLength(3);
    expect(note[0]).toBe('四个意识（sì gè yì shí）');
    expect(note[1]).toContain('1. 政治意识');
  });
});

describe('imports refuse hostile files with a clear message', () => {
  it('rejects a file over 5 MB', () => {
    const r = parseJsonFile('"' + 'x'.repeat(6 * 1024 * 1024) + '"', 'The file');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/limit is 5 MB/);
  });
  it('rejects deeply nested JSON before parsing it', () => {
    const r = parseJsonFile('['.repeat(100000) + ']'.repeat(100000), 'The file');
    expect(!r.ok && r.error).toMatch(/nested 100000 levels/);
  });
  it('does not count brackets inside strings as nesting', () => {
    expect(parseJsonFile(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' }), 'x').ok).toBe(true);
  });
  it('names what is wrong with a backup', () => {
    expect(parseBackup('not json')).toMatchObject({ ok: false });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, error: expect.stringContaining('not a Tifa Reader backup') });
    expect(parseBackup('{"format":"tifa-reader-backup","version":99,"vocabulary":[]}')).toMatchObject({ ok: false, error: expect.stringContaining('version 99') });
    expect(parseBackup('{"format":"tifa-reader-backup","version":1,"vocabulary":{}}')).toMatchObject({ ok: false, error: expect.stringContaining('vocabulary') });
  });
  it('keeps __proto__ keys inert', () => {
    const r = parseBackup('{"format":"tifa-reader-backup","version":1,"vocabulary":[],"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
