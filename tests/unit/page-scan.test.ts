/** The head of a page, matched and painted before the rest (entrypoints/content/page-session.ts). */
import { describe, expect, it } from 'vitest';
import { headLength } from '../../core/page-scan';
import type { Block } from '../../core/text-model';

const blocks = (...lengths: number[]) => lengths.map((n) => ({ raw: '两'.repeat(n) }) as unknown as Block);

describe('headLength', () => {
  it('takes whole blocks until the head has at least the characters asked for', () => {
    expect(headLength(blocks(5000, 8000, 9000, 3000), 20000)).toEqual({ blocks: 3, chars: 22000 });
    expect(headLength(blocks(20000, 1), 20000)).toEqual({ blocks: 1, chars: 20000 });
  });

  it('is the whole page when the page is shorter, and nothing for no blocks', () => {
    expect(headLength(blocks(100, 200), 20000)).toEqual({ blocks: 2, chars: 300 });
    expect(headLength([], 20000)).toEqual({ blocks: 0, chars: 0 });
  });
});
