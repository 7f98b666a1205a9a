/** Detection quality on our fixture pages: precision and recall must both reach 0.95. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { detectSpeechPage } from '../../core/detector';
import type { MatchIndex } from '../../core/glossary-types';
import { createPageMatcher, matchBlocks, pageSignals } from '../../core/page-scan';
import { collectBlocks } from '../../core/text-model';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const manifest = JSON.parse(readFileSync(join(PAGES, 'manifest.json'), 'utf8')) as Array<{ file: string; speech: boolean; host: string; note: string }>;
const matcher = createPageMatcher(JSON.parse(readFileSync(join(ROOT, 'dictionary', 'generated', 'match-index.json'), 'utf8')) as MatchIndex);

describe('speech page detection on the fixture set', () => {
  it('has at least 20 speech pages and 20 other pages', () => {
    expect(manifest.filter((m) => m.speech).length).toBeGreaterThanOrEqual(20);
    expect(manifest.filter((m) => !m.speech).length).toBeGreaterThanOrEqual(20);
  });

  it('reaches precision and recall of at least 0.95', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    const scores: string[] = [];
    for (const m of manifest) {
      const { document } = parseHTML(readFileSync(join(PAGES, m.file), 'utf8'));
      const { blocks, textLength } = collectBlocks(document.body as unknown as Node);
      const occurrences = matchBlocks(matcher, blocks);
      const d = detectSpeechPage(pageSignals({ host: m.host, title: document.title ?? '', blocks, textLength, occurrences }));
      if (d.speech && m.speech) tp++;
      else if (d.speech && !m.speech) fp++;
      else if (!d.speech && m.speech) fn++;
      scores.push(`${m.speech ? 'S' : '-'} ${d.score.toFixed(1).padStart(5)} ${m.file} [${d.reasons.join('; ')}]`);
      if (d.speech !== m.speech) wrong.push(`${m.file} (${m.note}): score ${d.score} [${d.reasons.join('; ')}]`);
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(`detector on ${manifest.length} fixture pages: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    if (wrong.length) console.log(`misclassified:\n  ${wrong.join('\n  ')}`);
    if (process.env.DETECTOR_SCORES) console.log(scores.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
