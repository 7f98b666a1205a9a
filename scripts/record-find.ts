/**
 * `npx tsx scripts/record-find.ts WORD [WORD ...] [--doc ID] [--corpus] [--max N]`: the passages of the
 * official record (dictionary/record/) that contain every WORD, each cut to a window of at most 300
 * characters that holds them all, ready to paste as a citation's quote. With --corpus, the municipal
 * speeches of dictionary/corpus/ are searched too. For writers of entries; the build checks the quotes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_DIR } from './glossary-file';
import { loadRecord } from '../dictionary/build/record';
import { cleanSpeech } from '../dictionary/build/clean';
import { findPassages } from '../core/citations';
import type { Speech } from '../core/glossary-types';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const docFilter = opt('--doc');
const max = Number(opt('--max') ?? 20);
const withCorpus = args.includes('--corpus');
const words = args.filter((a) => a !== '--corpus');
if (words.length === 0) {
  process.stderr.write('usage: npx tsx scripts/record-find.ts WORD [WORD ...] [--doc ID] [--corpus] [--max N]\n');
  process.exit(2);
}
const docs: Array<{ id: string; title: string; year: number | string; paragraphs: string[] }> = loadRecord(join(DICTIONARY_DIR, 'record'));
if (withCorpus) {
  const speeches = JSON.parse(readFileSync(join(DICTIONARY_DIR, 'corpus', 'speeches.json'), 'utf8')) as Speech[];
  for (const s of speeches) docs.push({ id: `speech:${s.id}`, title: s.title, year: s.date, paragraphs: cleanSpeech(s.id, readFileSync(join(DICTIONARY_DIR, 'corpus', s.file), 'utf8')).paragraphs });
}
let shown = 0;
let total = 0;
for (const d of docs) {
  if (docFilter && d.id !== docFilter) continue;
  for (const p of d.paragraphs) {
    const found = findPassages(p, words, 300);
    total += found.length;
    for (const passage of found) if (shown++ < max) console.log(`${d.id}\t${d.year}\t${passage}`);
  }
}
console.error(`${total} passage(s)${total > max ? `, ${max} shown (--max N for more)` : ''}`);
