/**
 * `npm run --silent scan -- FILE.html ...`: the extension's detector and matcher on each file's
 * visible text (linkedom as the DOM), one JSON object per line.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { detectSpeechPage } from '../core/detector';
import { createPageMatcher, matchBlocks, pageSignals, termCounts } from '../core/page-scan';
import { collectBlocks } from '../core/text-model';
import { loadMatchIndex } from './glossary-file';

const args = process.argv.slice(2);
const hostArg = args.find((a) => a.startsWith('--host='));
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent scan -- [--host=www.example.gov.cn] FILE.html ...\n');
  process.exit(2);
}
const matcher = createPageMatcher(loadMatchIndex());
let failed = false;
for (const file of files) {
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`scan: cannot read ${file}: ${(err as Error).message}\n`);
    failed = true;
    continue;
  }
  const { document } = parseHTML(html);
  const body = document.body ?? document.documentElement;
  const { blocks, textLength } = collectBlocks(body as unknown as Node);
  const occurrences = matchBlocks(matcher, blocks);
  const detection = detectSpeechPage(
    pageSignals({ host: hostArg?.slice(7) ?? '', title: document.title ?? '', blocks, textLength, occurrences }),
  );
  process.stdout.write(
    JSON.stringify({
      file,
      speech: detection.speech,
      score: detection.score,
      reasons: detection.reasons,
      matches: occurrences.length,
      terms: termCounts(matcher.index, occurrences),
    }) + '\n',
  );
}
process.exit(failed ? 1 : 0);
