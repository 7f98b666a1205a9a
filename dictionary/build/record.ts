/**
 * The official record (dictionary/record/): Government Work Reports, the NPC resolutions approving
 * them, and the political reports to the Party's National Congresses, as collected from Wikisource.
 * Cleaning drops what is not the document (the public-domain notice and navigation at the end,
 * zero-width characters) and repairs line breaks (Wikisource puts every link on a line of its own);
 * words are never changed. Every repair is a note.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordKind } from '../../core/glossary-types';

/** A document's metadata, as written in dictionary/record/documents.json. */
export interface RecordMeta {
  /** Stable id used by citations: gwr-2025, npc-resolution-2025, cpc-congress-20. */
  id: string;
  /** The source file and the document's title there (how it is found). */
  file: string;
  source_title: string;
  /** The title to show readers. */
  title: string;
  kind: RecordKind;
  /** The year of the report; a Congress report's year is the year it was delivered. */
  year: number;
  /** As precise as a named source states it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Where the date comes from. */
  date_basis: string;
  speaker: string | null;
  speaker_basis: string | null;
  url: string;
}

export interface RecordDocument extends RecordMeta {
  /** The title block (title, subtitle, date line, speaker), when the source has one. */
  heading: string[];
  paragraphs: string[];
  notes: string[];
}


const SALUTATION = /^(各位代表|同志们|代表同志们)[：:！!，,]?/;
const NOTICE = /\n\s*本作品(是|来自|來自)/;

export function cleanRecordText(content: string): { heading: string[]; paragraphs: string[]; notes: string[] } {
  const notes: string[] = [];
  let text = content.replace(/\r\n?/g, '\n');
  const zw = text.match(/[\u200b-\u200d\u2060\ufeff]/g)?.length ?? 0;
  if (zw > 0) {
    text = text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    notes.push(`removed ${zw} zero-width character(s)`);
  }
  const notice = text.search(NOTICE);
  if (notice >= 0) {
    notes.push(`dropped the public-domain notice and navigation at the end (${text.length - notice} characters)`);
    text = text.slice(0, notice);
  }
  // Blocks are separated by blank lines; a single line break inside a block is Wikisource's link markup.
  let linkJoins = 0;
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => {
      const lines = b.split('\n').map((l) => l.trim()).filter(Boolean);
      linkJoins += Math.max(0, lines.length - 1);
      return lines.join('');
    })
    .filter((b) => b !== '');
  if (linkJoins > 0) notes.push(`rejoined ${linkJoins} line break(s) inside paragraphs (link markup of the source)`);
  const first = blocks.findIndex((b) => SALUTATION.test(b));
  let heading: string[] = [];
  let paragraphs = blocks;
  if (first > 0 && first <= 8) {
    // 习　近　平 → 习近平: the title block spaces out names.
    heading = blocks.slice(0, first).map((b) => b.replace(/(?<=[\u4e00-\u9fff])[\u3000 ]+(?=[\u4e00-\u9fff])/g, ''));
    paragraphs = blocks.slice(first);
    notes.push(`title block of ${heading.length} line(s) kept apart from the text: ${heading.join(' / ')}`);
  }
  return { heading, paragraphs, notes };
}

interface SourceLine {
  title: string;
  url: string;
  content: string;
}

export function loadRecord(recordDir: string): RecordDocument[] {
  const metas = JSON.parse(readFileSync(join(recordDir, 'documents.json'), 'utf8')) as RecordMeta[];
  const files = new Map<string, SourceLine[]>();
  const lines = (file: string) => {
    let list = files.get(file);
    if (!list) {
      list = readFileSync(join(recordDir, 'source', file), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as SourceLine);
      files.set(file, list);
    }
    return list;
  };
  const ids = new Set<string>();
  return metas.map((m) => {
    if (ids.has(m.id)) throw new Error(`dictionary/record/documents.json: duplicate id "${m.id}"`);
    ids.add(m.id);
    const src = lines(m.file).filter((l) => l.title === m.source_title);
    if (src.length !== 1) throw new Error(`dictionary/record/documents.json: "${m.id}": ${src.length} documents titled "${m.source_title}" in ${m.file}`);
    if (src[0]!.url !== m.url) throw new Error(`dictionary/record/documents.json: "${m.id}": url differs from the source's`);
    return { ...m, ...cleanRecordText(src[0]!.content) };
  });
}
