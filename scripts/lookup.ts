/**
 * `npm run --silent lookup -- QUERY`: a JSON array of full entries, best first (the popup's ranking), each
 * with its `history` in the official record written out by document title and year.
 * `npm run --silent lookup -- --all`: every entry. `--excluded`: every exclusion, as {phrase, kind, reason}.
 * No match: [] and exit 0.
 */
import { join } from 'node:path';
import { buildSearchIndex, search } from '../core/search';
import type { Entry, Glossary } from '../core/glossary-types';
import { loadExclusions } from '../dictionary/build/build-glossary';
import { DICTIONARY_DIR, loadGlossary } from './glossary-file';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  process.stderr.write('usage: npm run --silent lookup -- QUERY   (hanzi, pinyin, initials or English)\n       npm run --silent lookup -- --all\n       npm run --silent lookup -- --excluded\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const print = (v: unknown) => process.stdout.write(JSON.stringify(v, null, 2) + '\n');
if (args.includes('--excluded')) {
  print(loadExclusions(join(DICTIONARY_DIR, 'exclusions')).map(({ phrase, kind, reason }) => ({ phrase, kind, reason })));
  process.exit(0);
}
const glossary = loadGlossary();

/** An entry with its history's document ids written out as the titles and years a reader knows. */
function withHistory(g: Glossary, e: Entry) {
  const doc = new Map(g.record.map((d) => [d.id, d]));
  const first = e.history.first ? doc.get(e.history.first.doc)! : null;
  return {
    ...e,
    history: {
      first: first && e.history.first ? { title: first.title, year: first.year, sentence: e.history.first.sentence } : null,
      uses: e.history.uses.map((u) => ({ title: doc.get(u.doc)!.title, year: doc.get(u.doc)!.year, count: u.count })),
    },
  };
}
if (args.includes('--all')) {
  print(glossary.entries.map((e) => withHistory(glossary, e)));
} else {
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const results = search(buildSearchIndex(glossary.entries), args.join(' '), 50);
  print(results.map((r) => withHistory(glossary, byId.get(r.id)!)));
}
