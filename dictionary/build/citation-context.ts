/** The texts that citations are checked against: the official record and the corpus speeches, compacted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactText, type CitationContext } from '../../core/citations';
import type { Speech } from '../../core/glossary-types';
import { cleanSpeech } from './clean';
import { type RecordDocument } from './record';

export function citationContext(dictionaryDir: string, record: RecordDocument[]): CitationContext {
  const speeches = JSON.parse(readFileSync(join(dictionaryDir, 'corpus', 'speeches.json'), 'utf8')) as Speech[];
  return {
    record: new Map(record.map((d) => [d.id, { title: d.title, date: d.date, url: d.url, text: compactText([...d.heading, ...d.paragraphs].join('')) }])),
    speeches: new Map(
      speeches.map((s) => [s.id, { title: s.title, date: s.date, text: compactText(cleanSpeech(s.id, readFileSync(join(dictionaryDir, 'corpus', s.file), 'utf8')).paragraphs.join('')) }]),
    ),
  };
}
