/**
 * The lint rule for data-as-text: no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML,
 * document.write or eval-like sinks anywhere in the shipped code. There is no reviewed exception.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHIPPED = ['entrypoints', 'components', 'core', 'runtime'];
const BANNED = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|writeln|new Function|eval\s*\(|srcdoc|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js|html)$/.test(name) ? [p] : [];
  });
}

describe('no HTML sinks in shipped code', () => {
  it('finds none', () => {
    const hits: string[] = [];
    for (const dir of SHIPPED)
      for (const f of files(join(ROOT, dir)))
        readFileSync(f, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (BANNED.test(line)) hits.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
          });
    expect(hits).toEqual([]);
  });
  it('would catch one (the rule can fail)', () => {
    expect(BANNED.test('el.innerHTML = entry.summary_zh')).toBe(true);
    expect(BANNED.test('<div dangerouslySetInnerHTML={{ __html: x }} />')).toBe(true);
    expect(BANNED.test('el.textContent = entry.summary_zh')).toBe(false);
  });
});
