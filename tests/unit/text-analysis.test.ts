import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchIndex } from '../../core/glossary-types';
import { createPageMatcher } from '../../core/page-scan';
import { analyzeText } from '../../core/text-analysis';

const index = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'dictionary', 'generated', 'match-index.json'), 'utf8')) as MatchIndex;
const { automaton } = createPageMatcher(index);

describe('text analysis', () => {
  it('counts each occurrence of an unknown phrase once, however many kinds find it', () => {
    const once = analyzeText({ text: '全面落实“两个确立”，推进“五化同步”和“三区四带”建设。', automaton, index });
    expect(once.terms.map((t) => [t.term, t.count])).toEqual([['两个确立', 1]]);
    const sanqu = once.unknown.find((u) => u.phrase === '三区四带');
    expect(sanqu).toEqual({ phrase: '三区四带', kinds: ['quoted', 'numbered'], count: 1 });
    expect(once.unknown.find((u) => u.phrase === '五化同步')?.count).toBe(1);

    const twice = analyzeText({ text: '推进“三区四带”建设，落实三区四带。', automaton, index });
    // Quoted once, numbered twice: two occurrences.
    expect(twice.unknown.find((u) => u.phrase === '三区四带')).toEqual({ phrase: '三区四带', kinds: ['quoted', 'numbered'], count: 2 });
  });
});
