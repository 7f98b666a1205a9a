/**
 * The glossary pipeline (Node): clean the corpus → segment with jieba-wasm (known terms first) →
 * extract candidates → attach occurrences → merge curated entries → validate → write the glossary
 * and the compact match index. Deterministic: the same input gives byte-identical output.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { add_word, cut } from 'jieba-wasm';
import { dict as jiebaDict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js';
import { splitSentences } from './clean';
import { extractCandidates, type Candidate } from './extract';
import { validateEntries, GlossaryError, isMatchableSurface } from '../../core/glossary-validate';
import { compileAutomaton, layoutAutomaton, loadAutomaton, packAutomaton } from '../../core/matcher';
import { prepareMatchText } from '../../core/normalize';
import { CATEGORIES, type CuratedEntry, type Entry, type Example, type Glossary, type History, type MatchIndex, type RecordDocumentInfo } from '../../core/glossary-types';
import { checkCitations, compactText, type Citation } from '../../core/citations';
import { loadRecord, type RecordDocument } from './record';
import { citationContext, loadCorpus } from './citation-context';
import { COVERAGE_RECURRING_TOP, extractRecordCandidates, isCoverageDocument, type RecordCandidate } from './record-candidates';

export interface Exclusion {
  phrase: string;
  kind: string;
  reason: string;
  /** The corpus speech, or the record document, where the phrase is read. */
  speech?: string;
  doc?: string;
}

export interface BuildReport {
  speeches: Array<{ id: string; paragraphs: number; notes: string[] }>;
  coverage: {
    quoted: number;
    byEntry: number;
    byExclusion: number;
    unaccounted: string[];
  };
  /** Quoted phrases and numbered formulas of the record's coverage documents, and its top recurring phrases. */
  recordCoverage: {
    documents: string[];
    candidates: number;
    byEntry: number;
    byExclusion: number;
    unaccounted: string[];
  };
  entries: number;
  byEvidence: Record<string, number>;
  byLevel: Record<string, number>;
}

export interface BuildResult {
  glossary: Glossary;
  matchIndex: MatchIndex;
  candidates: Array<Candidate & { entry: string | null; excluded: boolean }>;
  recordCandidates: Array<RecordCandidate & { entry: string | null; excluded: boolean }>;
  report: BuildReport;
}

const EXCLUSION_KINDS = [
  'metaphor',
  'classical-quotation',
  'leader-quotation',
  'self-explanatory',
  'collection-damage',
  // A short form of an entry's term that is not matched alone, because it would match unrelated text.
  'ambiguous-short-form',
  // Of the record's candidates: a phrase of ordinary language, a piece of a longer term, a name, a title.
  'ordinary-phrase',
  'fragment-of-term',
  'proper-name',
  'document-title',
];
const MAX_EXAMPLES = 3;

function readJsonFiles(dir: string): Array<{ name: string; data: unknown }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      try {
        return { name: path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (err) {
        throw new GlossaryError([`${path}: not valid JSON: ${(err as Error).message}`]);
      }
    });
}

export interface NotTerm {
  /** An ordinary word or phrase that contains a term's surface, e.g. 两重性. */
  surface: string;
  /** The term it contains, e.g. 两重. */
  contains: string;
  reason: string;
}

/**
 * Not-term surfaces: ordinary words that contain a term and must not be reported as it. Each must
 * contain a known surface and not be one; errors name the file, the item and the field.
 */
export function loadNotTerms(path: string, knownSurfaces: Set<string>, idByKey: Map<string, string>): NotTerm[] {
  if (!existsSync(path)) return [];
  const name = 'not-terms.json';
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new GlossaryError([`${name}: not valid JSON (${(err as Error).message})`]);
  }
  if (!Array.isArray(data)) throw new GlossaryError([`${name}: expected a JSON array`]);
  const problems: string[] = [];
  const out: NotTerm[] = [];
  data.forEach((x: unknown, i) => {
    const n = x as Record<string, unknown>;
    const at = `${name}: item #${i + 1}${typeof n?.surface === 'string' ? ` "${n.surface}"` : ''}`;
    if (typeof n?.surface !== 'string' || [...n.surface].length < 3) problems.push(`${at}: field "surface" must be a word of at least three characters`);
    else if (typeof n.contains !== 'string' || !knownSurfaces.has(n.contains)) problems.push(`${at}: field "contains" must be a term or variant of an entry`);
    else if (!n.surface.includes(n.contains)) problems.push(`${at}: field "surface" must contain "${n.contains}"`);
    else if (idByKey.has(n.surface)) problems.push(`${at}: field "surface" is itself an entry's term or variant`);
    else if (typeof n.reason !== 'string' || n.reason.trim().length < 8) problems.push(`${at}: field "reason" must say why`);
    else out.push(n as unknown as NotTerm);
  });
  if (problems.length) throw new GlossaryError(problems);
  return out;
}

export function loadExclusions(dir: string): Exclusion[] {
  const problems: string[] = [];
  const out: Exclusion[] = [];
  for (const file of readJsonFiles(dir)) {
    if (!Array.isArray(file.data)) {
      problems.push(`${file.name}: expected a JSON array`);
      continue;
    }
    file.data.forEach((x: unknown, i) => {
      const e = x as Record<string, unknown>;
      const at = `${file.name}: exclusion #${i + 1}`;
      if (typeof e?.phrase !== 'string' || !e.phrase) problems.push(`${at}: field "phrase" is required`);
      else if (typeof e.reason !== 'string' || e.reason.trim().length < 8) problems.push(`${at} "${e.phrase}": field "reason" must say why`);
      else if (typeof e.kind !== 'string' || !EXCLUSION_KINDS.includes(e.kind)) problems.push(`${at} "${e.phrase}": field "kind" must be one of ${EXCLUSION_KINDS.join(', ')}`);
      else out.push(e as unknown as Exclusion);
    });
  }
  if (problems.length) throw new GlossaryError(problems);
  return out;
}

export function buildGlossary(dictionaryDir: string): BuildResult {
  const corpus = loadCorpus(dictionaryDir);
  const { speeches: speechesMeta, cleaned } = corpus;

  const curated = validateEntries(readJsonFiles(join(dictionaryDir, 'entries')));
  const record = loadRecord(join(dictionaryDir, 'record'));
  // Every claim's citation, checked against the record and the corpus (core/citations.ts).
  const ctx = citationContext(record, corpus);
  const citationsOf = new Map<string, Citation[]>();
  const citationProblems: string[] = [];
  for (const e of curated) {
    const { problems, citations } = checkCitations(e, ctx);
    citationsOf.set(e.id, citations);
    for (const p of problems) citationProblems.push(`entry "${e.id}": ${p}`);
  }
  if (citationProblems.length) throw new GlossaryError(citationProblems);
  const exclusions = loadExclusions(join(dictionaryDir, 'exclusions'));

  // Known terms go into jieba's dictionary first, so 两个确立 is not cut into 两个|确立.
  for (const e of curated) for (const s of [e.term, ...(e.variants ?? [])]) add_word(s, 10000, 'nz');
  const candidates = extractCandidates(cleaned, { cut: (t) => cut(t, true) });
  const toTraditional = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
  const sorted = [...curated].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const surfacesOf = (e: CuratedEntry): string[] => {
    const base = [e.term, ...(e.variants ?? [])];
    const all = new Set(base);
    for (const s of base) for (const conv of toTraditional) all.add(conv(s));
    return [...all].filter(isMatchableSurface);
  };
  const surfaces = sorted.map(surfacesOf);
  const idByKey = new Map<string, string>();
  sorted.forEach((e, i) => {
    idByKey.set(e.id, e.id);
    for (const s of surfaces[i]!) if (!idByKey.has(s)) idByKey.set(s, e.id);
  });

  // Occurrences in the corpus, with the same matcher the extension uses.
  const patterns: string[] = [];
  const patternEntry: number[] = [];
  surfaces.forEach((list, i) =>
    list.forEach((s) => {
      patterns.push(s);
      patternEntry.push(i);
    }),
  );
  const knownSurfaces = new Set(surfaces.flat());
  for (const n of loadNotTerms(join(dictionaryDir, 'not-terms.json'), knownSurfaces, idByKey)) {
    for (const s of new Set([n.surface, ...toTraditional.map((conv) => conv(n.surface))])) {
      patterns.push(s);
      patternEntry.push(-1);
    }
  }
  const automatonLayout = layoutAutomaton(compileAutomaton(patterns));
  const automaton = loadAutomaton(automatonLayout);
  const ordinary = new Map<string, boolean>();
  const general = generalFrequencies();
  const recordCandidates = extractRecordCandidates(record, {
    generalShare: (w) => Math.max(general.freq.get(w) ?? 0, 1) / general.total,
    // The glossary's terms in a text, with the matcher the pages use (not-term surfaces left out).
    termSpans: (text) => automaton.findMatches(text).filter((m) => patternEntry[m.pattern]! >= 0).map((m) => [m.start, m.end] as [number, number]),
    cut: (t) => cut(t, true),
    // One word of jieba's dictionary: ordinary language. Terms added above are set phrases of ours, not ordinary.
    isOrdinaryWord: (p) => {
      let v = ordinary.get(p);
      if (v === undefined) ordinary.set(p, (v = cut(p, false).length === 1 && !idByKey.has(p)));
      return v;
    },
  });

  const examples: Example[][] = sorted.map(() => []);
  const counts = sorted.map(() => 0);
  for (const speech of cleaned) {
    for (const p of speech.paragraphs) {
      for (const sentence of splitSentences(p)) {
        const seenHere = new Set<number>();
        for (const m of automaton.findMatches(prepareMatchText(sentence).text)) {
          const i = patternEntry[m.pattern]!;
          if (i < 0) continue; // a not-term surface
          counts[i]!++;
          if (seenHere.has(i)) continue;
          seenHere.add(i);
          const list = examples[i]!;
          list.push({ speech: speech.id, sentence });
        }
      }
    }
  }

  const history = recordHistory(record, automaton, patternEntry, sorted.length);
  const entries: Entry[] = sorted.map((e, i) => ({
    id: e.id,
    term: e.term,
    variants: surfaces[i]!.filter((s) => s !== e.term),
    pinyin: e.pinyin ?? pinyin(e.term, { toneType: 'symbol', nonZh: 'consecutive' }),
    category: e.category,
    level: e.level,
    region: e.region ?? null,
    summary_zh: e.summary_zh,
    explanation_zh: e.explanation_zh,
    english: e.english.map((r) => ({ text: r.text, source: r.source })),
    explanation_en: e.explanation_en,
    components: e.components ?? [],
    origin: e.origin ?? null,
    evidence: e.evidence,
    related: [...new Set((e.related ?? []).map((r) => idByKey.get(r)!).filter((r) => r !== e.id))],
    examples: pickExamples(examples[i]!),
    notes: e.notes ?? [],
    sources: citationsOf.get(e.id)!,
    corpus_count: counts[i]!,
    history: history[i]!,
  }));

  // Coverage of quoted phrases.
  const excluded = new Set(exclusions.map((x) => x.phrase));
  // Coverage of the record: every quoted phrase and numbered formula of the coverage documents, and the top recurring phrases.
  const coverageDocs = new Set(record.filter(isCoverageDocument).map((d) => d.id));
  const recurringTop = new Set(recordCandidates.filter((c) => c.kinds.includes('recurring')).slice(0, COVERAGE_RECURRING_TOP).map((c) => c.phrase));
  const toCover = recordCandidates.filter((c) => recurringTop.has(c.phrase) || (c.kinds.some((k) => k !== 'recurring') && c.docs.some((d) => coverageDocs.has(d.doc))));
  const recordCoverage = {
    documents: [...coverageDocs],
    candidates: toCover.length,
    byEntry: toCover.filter((c) => idByKey.has(c.phrase)).length,
    byExclusion: toCover.filter((c) => !idByKey.has(c.phrase) && excluded.has(c.phrase)).length,
    unaccounted: toCover.filter((c) => !idByKey.has(c.phrase) && !excluded.has(c.phrase)).map((c) => c.phrase),
  };
  const quoted = candidates.filter((c) => c.kinds.includes('quoted'));
  const unaccounted = quoted.filter((c) => !idByKey.has(c.phrase) && !excluded.has(c.phrase)).map((c) => c.phrase);
  const quotedSet = new Set(quoted.map((c) => c.phrase));
  const recordSet = new Set(toCover.map((c) => c.phrase));
  // An exclusion of the record names the document it is read in, and must occur there: the ranked list of
  // candidates moves as entries are added (a pair inside a new term stops being one), the record does not.
  const stale = exclusions
    .filter((x) => !quotedSet.has(x.phrase) && !recordSet.has(x.phrase))
    .filter((x) => !(x.doc && ctx.record.get(x.doc)?.text.includes(compactText(x.phrase))))
    .map((x) => (x.doc ? `exclusion "${x.phrase}": not in ${x.doc}` : `exclusion "${x.phrase}" is not a quoted phrase of the corpus (nor, with a "doc", of the record)`));
  const shadowed = exclusions.filter((x) => idByKey.has(x.phrase)).map((x) => `exclusion "${x.phrase}" also has an entry (${idByKey.get(x.phrase)})`);
  if (stale.length || shadowed.length) throw new GlossaryError([...stale, ...shadowed]);

  const tally = (key: 'evidence' | 'level') => {
    const out: Record<string, number> = {};
    for (const e of entries) out[e[key]] = (out[e[key]] ?? 0) + 1;
    return out;
  };
  const report: BuildReport = {
    speeches: cleaned.map((s) => ({ id: s.id, paragraphs: s.paragraphs.length, notes: s.notes })),
    coverage: {
      quoted: quoted.length,
      byEntry: quoted.filter((c) => idByKey.has(c.phrase)).length,
      byExclusion: quoted.filter((c) => !idByKey.has(c.phrase) && excluded.has(c.phrase)).length,
      unaccounted,
    },
    recordCoverage,
    entries: entries.length,
    byEvidence: tally('evidence'),
    byLevel: tally('level'),
  };

  const indexBody = {
    ids: entries.map((e) => e.id),
    terms: entries.map((e) => e.term),
    categories: entries.map((e) => CATEGORIES.indexOf(e.category)),
    patterns,
    patternEntry,
    automaton: packAutomaton(automatonLayout),
  };
  // The digest tells the background whether the copy it keeps in storage for content scripts is current.
  const digest = createHash('sha256').update(JSON.stringify(indexBody)).digest('hex').slice(0, 16);
  const matchIndex: MatchIndex = { version: 1, digest, ...indexBody };
  return {
    glossary: { version: 1, speeches: speechesMeta, record: record.map(recordInfo), entries },
    matchIndex,
    candidates: candidates.map((c) => ({ ...c, entry: idByKey.get(c.phrase) ?? null, excluded: excluded.has(c.phrase) })),
    recordCandidates: recordCandidates.map((c) => ({ ...c, entry: idByKey.get(c.phrase) ?? null, excluded: excluded.has(c.phrase) })),
    report,
  };
}

let generalCache: { freq: Map<string, number>; total: number } | null = null;
/** Word frequencies of ordinary language: jieba's own dictionary (the one jieba-wasm segments with). */
function generalFrequencies(): { freq: Map<string, number>; total: number } {
  if (generalCache) return generalCache;
  const freq = new Map<string, number>();
  let total = 0;
  for (const line of Buffer.from(jiebaDict).toString('utf8').split('\n')) {
    const [word, f] = line.split(' ');
    const n = Number(f);
    if (!word || !Number.isFinite(n)) continue;
    freq.set(word, n);
    total += n;
  }
  return (generalCache = { freq, total });
}

/**
 * The build fails on a candidate of the record left unaccounted for (on since every candidate has its
 * entry or exclusion; the report counts them). A new entry can move pieces of its term out of the ranked
 * recurring phrases and let others in: the build then names them.
 */
export const RECORD_COVERAGE_ENFORCED = true;

/** What the coverage rules leave unaccounted for: phrases of the corpus and candidates of the record with neither an entry nor an exclusion. */
export function coverageProblems(report: BuildReport, enforceRecord = RECORD_COVERAGE_ENFORCED): string[] {
  const out: string[] = [];
  const where = 'add an entry to dictionary/entries/ or an exclusion with its reason to dictionary/exclusions/';
  if (report.coverage.unaccounted.length > 0) out.push(`quoted phrases of the corpus with neither an entry nor an exclusion (${where}):\n  ${report.coverage.unaccounted.join('\n  ')}`);
  if (enforceRecord && report.recordCoverage.unaccounted.length > 0)
    out.push(`candidates of the record with neither an entry nor an exclusion (${where}; dictionary/generated/record-candidates.jsonl has their counts):\n  ${report.recordCoverage.unaccounted.join('\n  ')}`);
  return out;
}

function recordInfo(d: RecordDocument): RecordDocumentInfo {
  return { id: d.id, title: d.title, kind: d.kind, year: d.year, date: d.date, speaker: d.speaker, url: d.url };
}

/**
 * Each entry's uses in the record (every written form, with the extension's matcher): the count per
 * document in the record's chronological order, and the first document's first sentence that uses it.
 */
export function recordHistory(
  record: RecordDocument[],
  automaton: { findMatches(text: string): Array<{ pattern: number }> },
  patternEntry: number[],
  entryCount: number,
): History[] {
  // Within a year: the Government Work Report (March), the resolution approving it, then a Congress report (autumn).
  const rank = { 'government-work-report': 0, 'npc-resolution': 1, 'congress-report': 2 } as const;
  const order = [...record].sort((a, b) => a.year - b.year || rank[a.kind] - rank[b.kind] || (a.id < b.id ? -1 : 1));
  const uses: Array<Array<{ doc: string; count: number }>> = Array.from({ length: entryCount }, () => []);
  const first: Array<History['first']> = Array.from({ length: entryCount }, () => null);
  for (const doc of order) {
    const counts = new Map<number, number>();
    for (const p of doc.paragraphs) {
      for (const sentence of splitSentences(p)) {
        for (const m of automaton.findMatches(prepareMatchText(sentence).text)) {
          const i = patternEntry[m.pattern]!;
          if (i < 0) continue;
          counts.set(i, (counts.get(i) ?? 0) + 1);
          if (!first[i]) first[i] = { doc: doc.id, sentence };
        }
      }
    }
    for (const [i, count] of counts) uses[i]!.push({ doc: doc.id, count });
  }
  return uses.map((u, i) => ({ first: first[i]!, uses: u }));
}

/**
 * Every corpus sentence of an entry, the card's choice first: up to three that prefer different speeches,
 * in speech order (the card shows the first), then the rest in corpus order (the entry page shows all).
 */
function pickExamples(all: Example[]): Example[] {
  const picked: Example[] = [];
  const speeches = new Set<string>();
  for (const ex of all) if (!speeches.has(ex.speech) && picked.length < MAX_EXAMPLES) (speeches.add(ex.speech), picked.push(ex));
  for (const ex of all) if (picked.length < MAX_EXAMPLES && !picked.includes(ex)) picked.push(ex);
  picked.sort((a, b) => (a.speech < b.speech ? -1 : a.speech > b.speech ? 1 : 0));
  return [...picked, ...all.filter((ex) => !picked.includes(ex))];
}

export function writeOutputs(dictionaryDir: string, result: BuildResult): string[] {
  const out = join(dictionaryDir, 'generated');
  mkdirSync(out, { recursive: true });
  const files: Array<[string, unknown, boolean]> = [
    ['glossary.json', result.glossary, true],
    ['match-index.json', result.matchIndex, false],
    ['candidates.json', result.candidates, true],
    ['build-report.json', result.report, true],
  ];
  const paths = files.map(([name, data, pretty]) => {
    const path = join(out, name);
    writeFileSync(path, JSON.stringify(data, null, pretty ? 1 : 0) + '\n');
    return path;
  });
  // One candidate a line: ranked, readable, and small diffs when the ranking moves.
  const path = join(out, 'record-candidates.jsonl');
  writeFileSync(path, result.recordCandidates.map((c) => JSON.stringify(c)).join('\n') + '\n');
  return [...paths, path];
}
