import { describe, expect, it } from 'vitest';
import { GlossaryError, validateEntries } from '../../core/glossary-validate';

const good = {
  id: 'si-ge-yi-shi',
  term: '四个意识',
  category: 'ideology',
  level: 'central',
  summary_zh: '政治意识、大局意识、核心意识、看齐意识',
  explanation_zh: '四个意识是……。',
  english: [{ text: 'the Four Consciousnesses', source: 'Xinhua' }],
  explanation_en: 'Four kinds of political awareness.',
  components: ['政治意识', '大局意识', '核心意识', '看齐意识'],
  evidence: 'public-record',
};

function problems(data: unknown): string[] {
  try {
    validateEntries([{ name: 'entries/test.json', data }]);
    return [];
  } catch (e) {
    if (e instanceof GlossaryError) return e.problems;
    throw e;
  }
}

describe('glossary validation', () => {
  it('accepts a complete entry', () => {
    expect(problems([good])).toEqual([]);
  });
  it('names the file, the entry and the field', () => {
    const p = problems([{ ...good, category: 'politics' }]);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('entries/test.json');
    expect(p[0]).toContain('"si-ge-yi-shi"');
    expect(p[0]).toContain('field "category"');
  });
  it('rejects surfaces with whitespace, which could never match page text', () => {
    const p = problems([{ ...good, term: '四个 意识', variants: ['四个\u00a0意识'] }]);
    expect(p.join('\n')).toContain('field "term": must not contain whitespace');
    expect(p.join('\n')).toContain('field "variants": item 1');
  });
  it('rejects a context-only entry that lists items', () => {
    const p = problems([{ ...good, evidence: 'context-only', explanation_zh: '讲话未说明其具体内容。' }]);
    expect(p.join('\n')).toContain('field "components"');
  });
  it('requires a context-only entry to say its items are not stated', () => {
    const p = problems([{ ...good, evidence: 'context-only', components: [], explanation_zh: '这是一个口号。' }]);
    expect(p.join('\n')).toContain('field "explanation_zh"');
  });
  it('requires a region below the central level', () => {
    expect(problems([{ ...good, level: 'municipal' }]).join('\n')).toContain('field "region"');
  });
  it('rejects duplicate ids, shared surfaces, unknown fields and unresolved related terms', () => {
    const p = problems([good, { ...good, term: '四个自信' }, { ...good, id: 'other', variants: ['四个意识'] }, { ...good, id: 'x', term: '某某', relatd: [] }, { ...good, id: 'y', term: '某某某', related: ['不存在'] }]);
    const all = p.join('\n');
    expect(all).toContain('duplicates the id');
    expect(all).toContain('surface "四个意识"');
    expect(all).toContain('unknown field');
    expect(all).toContain('"不存在" is not an entry');
  });
  it('rejects hostile shapes with a clear message instead of throwing something else', () => {
    expect(problems({ entries: [] })[0]).toContain('expected a JSON array');
    expect(problems([null, 'x', 3])).toHaveLength(3);
    expect(problems([{ ...good, summary_zh: 'x'.repeat(10_000) }]).join('\n')).toContain('limit');
    expect(problems([{ ...good, term: '两' }]).join('\n')).toContain('at least two');
  });
});
