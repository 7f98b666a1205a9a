/** `npm run glossary`: build dictionary/generated/ from the corpus and the curated entries. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGlossary, coverageProblems, writeOutputs } from '../dictionary/build/build-glossary';
import { GlossaryError } from '../core/glossary-validate';

const dictionaryDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dictionary');
try {
  const result = buildGlossary(dictionaryDir);
  const { coverage, entries, byEvidence, byLevel, speeches } = result.report;
  const files = writeOutputs(dictionaryDir, result);
  console.log(`glossary: ${entries} entries (${Object.entries(byLevel).map(([k, v]) => `${k} ${v}`).join(', ')}; ${Object.entries(byEvidence).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`corpus: ${speeches.length} speeches, ${speeches.reduce((n, s) => n + s.notes.length, 0)} cleaning notes (dictionary/generated/build-report.json)`);
  console.log(`coverage of quoted phrases: ${coverage.quoted} found, ${coverage.byEntry} by entries, ${coverage.byExclusion} by exclusions, ${coverage.unaccounted.length} unaccounted`);
  const rc = result.report.recordCoverage;
  console.log(`coverage of the record (quoted phrases and numbered formulas of ${rc.documents.length} documents, the top recurring set phrases): ${rc.candidates} candidates, ${rc.byEntry} by entries, ${rc.byExclusion} by exclusions, ${rc.unaccounted.length} unaccounted`);
  const problems = coverageProblems(result.report);
  if (problems.length > 0) {
    console.error(`error: ${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`wrote ${files.length} files to dictionary/generated/`);
} catch (err) {
  if (err instanceof GlossaryError) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
