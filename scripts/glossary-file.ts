/** The generated glossary for Node tools, built first if a fresh clone has not built it yet. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Glossary, MatchIndex } from '../core/glossary-types';
import { buildGlossary, writeOutputs } from '../dictionary/build/build-glossary';

export const DICTIONARY_DIR = resolve(import.meta.dirname, '..', 'dictionary');
const GENERATED = join(DICTIONARY_DIR, 'generated');

function ensureBuilt(): void {
  if (existsSync(join(GENERATED, 'glossary.json')) && existsSync(join(GENERATED, 'match-index.json'))) return;
  process.stderr.write('dictionary/generated/ is missing: building the glossary first (npm run glossary)\n');
  writeOutputs(DICTIONARY_DIR, buildGlossary(DICTIONARY_DIR));
}

export function loadGlossary(): Glossary {
  ensureBuilt();
  return JSON.parse(readFileSync(join(GENERATED, 'glossary.json'), 'utf8')) as Glossary;
}

export function loadMatchIndex(): MatchIndex {
  ensureBuilt();
  return JSON.parse(readFileSync(join(GENERATED, 'match-index.json'), 'utf8')) as MatchIndex;
}
