/**
 * `npx tsx scripts/check-entries.ts FILE...`: validate curated entry files without writing anything.
 * `related` may name any term in dictionary/entries/; unresolved names are reported as warnings here
 * (the full build, `npm run glossary`, treats them as errors). Citations are checked as the build checks
 * them: quotes of the record and the corpus word for word, components, attributed English and origins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { GlossaryError, validateEntries } from '../core/glossary-validate';
import { checkCitations } from '../core/citations';
import { loadRecord } from '../dictionary/build/record';
import { citationContext, loadCorpus } from '../dictionary/build/citation-context';

const dir = resolve(import.meta.dirname, '..', 'dictionary', 'entries');
const targets = process.argv.slice(2).map((f) => resolve(f));
if (targets.length === 0) {
  console.error('usage: tsx scripts/check-entries.ts dictionary/entries/FILE.json ...');
  process.exit(2);
}
const known = new Set<string>();
const seen = new Map<string, string>();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  try {
    for (const e of JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string; term: string; variants?: string[] }[]) {
      for (const s of [e.id, e.term, ...(e.variants ?? [])]) {
        const other = seen.get(s);
        if (other && other !== name && targets.some((t) => basename(t) === name)) console.warn(`warning: "${s}" is in both ${other} and ${name}`);
        seen.set(s, name);
        known.add(s);
      }
    }
  } catch {
    /* reported below if it is one of the targets */
  }
}
const dictionaryDir = resolve(dir, '..');
const ctx = citationContext(loadRecord(join(dictionaryDir, 'record')), loadCorpus(dictionaryDir));
let failed = false;
for (const file of targets) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`${file}: not valid JSON: ${(err as Error).message}`);
    failed = true;
    continue;
  }
  try {
    const entries = validateEntries([{ name: basename(file), data }], { knownIds: known });
    const problems = entries.flatMap((e) => checkCitations(e, ctx).problems.map((p) => `${basename(file)}: entry "${e.id}": ${p}`));
    if (problems.length) {
      console.error(`${problems.length} citation problem(s):\n  ${problems.join('\n  ')}`);
      failed = true;
    } else console.log(`${basename(file)}: ${entries.length} entries valid, citations checked`);
  } catch (err) {
    if (!(err instanceof GlossaryError)) throw err;
    console.error(err.message);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
