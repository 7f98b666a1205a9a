/**
 * `npx tsx scripts/record-find.ts WORD [WORD ...] [--doc ID] [--corpus] [--max N]`: the passages of the
 * official record (dictionary/record/) that contain every WORD, each cut to a window of at most 300
 * characters that holds them all, ready to paste as a citation's quote. With --corpus, the municipal
 * speeches of dictionary/corpus/ are searched too. For writers of entries; the build checks the quotes.
 */
import { join } from 'node:path';
import { DICTIONARY_DIR } from './glossary-file';
import { loadRecord } from '../dictionary/build/record';
import { loadCorpus } from '../dictionary/build/citation-context';
import { findPassages } from '../core/citations';

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
  const { speeches, cleaned } = loadCorpus(DICTIONARY_DIR);
  speeches.forEach((s, i) => docs.push({ id: `speech:${s.id}`, title: s.title, year: s.date, paragraphs: cleaned[i]!.paragraphs }));
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
