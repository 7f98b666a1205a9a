/**
 * `npm test`: the type check, the build (glossary + extension) and the benchmark's build, then every vitest test (unit and
 * end-to-end in real Chromium). Ends with one line `N passed, N failed` totalling all of them; the
 * same line is written to test-output/summary.txt for .ci/run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

step('type check (tsc --noEmit, strict)', bin('tsc'), ['--noEmit']);
const built =
  step('build (npm run build: glossary + extension)', 'npm', ['run', '--silent', 'build']) &&
  // The timing tests (tests/e2e/viewport-scope.test.ts) read performance marks, which only this build sets.
  step('benchmark build (TIFA_BENCH=1 wxt build, into .output-bench/)', bin('wxt'), ['build'], { TIFA_BENCH: '1' });

const report = join(out, 'vitest.json');
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit']; // without a build the e2e tests cannot load the extension
if (!built) console.log('The build failed: end-to-end tests are counted as failed, unit tests still run.');
console.log('\n▶ vitest (unit + end-to-end)');
spawnSync(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: Array<{ status: string; message?: string; name: string; assertionResults: unknown[] }>;
  };
  passed += r.numPassedTests;
  // Skipped tests count as failures: nothing here may skip silently.
  failed += r.numFailedTests + r.numPendingTests + r.numTodoTests;
  // A test file that failed to load has no assertion results: count it as one failure.
  for (const f of r.testResults) {
    if (f.status === 'failed' && f.assertionResults.length === 0) {
      failed++;
      failures.push(`test file did not run: ${f.name}`);
    }
  }
  if (r.numFailedTests > 0) failures.push(`${r.numFailedTests} vitest test(s)`);
} else {
  failed++;
  failures.push('vitest wrote no report');
}
if (!built) {
  failed++;
  failures.push('end-to-end tests (no build)');
}

const line = `${passed} passed, ${failed} failed`;
writeFileSync(join(out, 'summary.txt'), line + '\n');
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${line}`);
process.exit(failed > 0 ? 1 : 0);
