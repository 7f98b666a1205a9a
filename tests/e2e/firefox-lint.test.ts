/** The Firefox build (MV2, with a gecko id) passes Mozilla's linter, web-ext lint, with no errors. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/support/browser';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

describe('Firefox build', () => {
  it('builds with a gecko id and passes web-ext lint with no errors', () => {
    execFileSync(bin('wxt'), ['build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
    const dir = join(ROOT, '.output', 'firefox-mv2');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
    let out: string;
    try {
      out = execFileSync(bin('web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      // web-ext exits non-zero when there are errors; its JSON report is still on stdout.
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out) as { summary: { errors: number; warnings: number }; errors: Array<{ code: string; message: string }>; warnings: Array<{ code: string }> };
    console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.map((w) => w.code).join(', ')})`);
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  });
});
