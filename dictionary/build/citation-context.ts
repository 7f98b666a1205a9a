/** The texts that citations are checked against: the official record and the corpus speeches, compacted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactText, type CitationContext } from '../../core/citations';
import type { Speech } from '../../core/glossary-types';
import { cleanSpeech, type CleanSpeech } from './clean';
import { type RecordDocument } from './record';

/** The corpus speeches with their metadata, cleaned: read once by the build and by the tools that check entries. */
export function loadCorpus(dictionaryDir: string): { speeches: Speech[]; cleaned: CleanSpeech[] } {
  const speeches = JSON.parse(readFileSync(join(dictionaryDir, 'corpus', 'speeches.json'), 'utf8')) as Speech[];
  return { speeches, cleaned: speeches.map((s) => cleanSpeech(s.id, readFileSync(join(dictionaryDir, 'corpus', s.file), 'utf8'))) };
}

export function citationContext(record: RecordDocument[], corpus: { speeches: Speech[]; cleaned: CleanSpeech[] }): CitationContext {
  return {
    record: new Map(record.map((d) => [d.id, { title: d.title, date: d.date, url: d.url, text: compactText([...d.heading, ...d.paragraphs].join('')) }])),
    speeches: new Map(corpus.speeches.map((s, i) => [s.id, { title: s.title, date: s.date, text: compactText(corpus.cleaned[i]!.paragraphs.join('')) }])),
  };
}
