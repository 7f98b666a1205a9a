/**
 * `npm run --silent lookup -- QUERY`: a JSON array of full entries, best first (the popup's ranking).
 * `npm run --silent lookup -- --all`: every entry. No match: [] and exit 0.
 */
import { buildSearchIndex, search } from '../core/search';
import { loadGlossary } from './glossary-file';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  process.stderr.write('usage: npm run --silent lookup -- QUERY   (hanzi, pinyin, initials or English)\n       npm run --silent lookup -- --all\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const glossary = loadGlossary();
if (args.includes('--all')) {
  process.stdout.write(JSON.stringify(glossary.entries, null, 2) + '\n');
} else {
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const results = search(buildSearchIndex(glossary.entries), args.join(' '), 50);
  process.stdout.write(JSON.stringify(results.map((r) => byId.get(r.id)), null, 2) + '\n');
}
