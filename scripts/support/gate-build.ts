/**
 * Builds the gate (entrypoints/content/gate.ts) into one small classic script, for wxt.config.ts.
 * esbuild rather than a WXT entry point: WXT wraps every entry point in code of its own, which every
 * page would compile.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';

export function buildGateScript(root: string): string {
  const result = buildSync({
    entryPoints: [join(root, 'entrypoints', 'content', 'gate.ts')],
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    // `(function () {…})()` rather than an arrow: V8 compiles a parenthesized function with the script
    // instead of pre-parsing it and compiling it again when called (the gate's body is all it runs).
    supported: { arrow: false },
    legalComments: 'none',
    // The benchmark's marks only in its own build (env.d.ts).
    define: { 'import.meta.env.TIFA_BENCH': String(process.env.TIFA_BENCH === '1') },
    write: false,
  });
  return result.outputFiles[0]!.text;
}
