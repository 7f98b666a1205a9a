/** The generated highlight rules (core/highlight-rules.ts): one set per category, for the names given. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../core/glossary-types';
import { highlightRules } from '../../core/highlight-rules';

describe('highlight rules', () => {
  const names = CATEGORIES.map((c) => `hq1w2e3r-${c}`);
  const css = highlightRules(names);
  it('style every category under the names given, and no fixed name a page could write rules for', () => {
    for (const name of names) expect(css).toContain(`:root::highlight(${name}){background-color:rgba(`);
    expect(css).not.toMatch(/highlight\(tifa-/);
    expect(css).toContain(':root::highlight(hq1w2e3r-ideology){background-color:rgba(214,48,49,.16)');
    expect(css).toContain('hq1w2e3r-idiom){background-color:rgba(150,150,150,.18);text-decoration:underline 2px dotted');
  });
  it('follow the highlight style setting: underline drops the background, tint the underline', () => {
    for (const name of names) {
      expect(css).toContain(`:root[data-tifa-style=underline]::highlight(${name}){background-color:transparent}`);
      expect(css).toContain(`:root[data-tifa-style=tint]::highlight(${name}){text-decoration:none}`);
    }
    expect(css).toContain(':root[data-tifa-style=underline] mark[data-tifa-ui]{background-color:transparent}');
  });
});
