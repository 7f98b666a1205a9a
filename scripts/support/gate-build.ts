/**
 * Builds the gate (entrypoints/content/gate.ts) into one small classic script, for wxt.config.ts.
 * esbuild rather than a WXT entry point: WXT wraps every entry point in code of its own, which every
 * page would compile.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';

export function buildGateScript(root: string): string {
  const result = buildSync({
    stdin: { contents: "import { runGate } from './entrypoints/content/gate';\nrunGate();\n", resolveDir: root, sourcefile: 'gate-entry.ts', loader: 'ts' },
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0]!.text;
}
