import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGlossary, loadExclusions, loadNotTerms, type BuildResult } from '../../dictionary/build/build-glossary';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GlossaryError } from '../../core/glossary-validate';
import { createPageMatcher, matchBlocks } from '../../core/page-scan';
import { collectBlocks } from '../../core/text-model';
import { parseHTML } from 'linkedom';
import { cleanSpeech } from '../../dictionary/build/clean';
import { quotedPhrases } from '../../dictionary/build/extract';
import type { Entry } from '../../core/glossary-types';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DICT = join(ROOT, 'dictionary');
let result: BuildResult;
let byTerm: Map<string, Entry>;

// The build reads and segments the whole official record: seconds, not milliseconds.
const SLOW = { timeout: 60_000 };
beforeAll(() => {
  result = buildGlossary(DICT);
  byTerm = new Map(result.glossary.entries.map((e) => [e.term, e]));
}, 60_000);

describe('glossary build', SLOW, () => {
  it('is deterministic and the committed output is up to date', () => {
    const again = buildGlossary(DICT);
    expect(JSON.stringify(again.glossary)).toBe(JSON.stringify(result.glossary));
    expect(JSON.stringify(again.matchIndex)).toBe(JSON.stringify(result.matchIndex));
    const committed = readFileSync(join(DICT, 'generated', 'glossary.json'), 'utf8');
    expect(committed).toBe(JSON.stringify(result.glossary, null, 1) + '\n');
  });

  it('gives every entry its history in the record and every public-record entry a citation', () => {
    for (const e of result.glossary.entries) {
      expect(e.history, e.id).toBeDefined();
      for (const u of e.history.uses) expect(result.glossary.record.some((d) => d.id === u.doc), e.id).toBe(true);
      if (e.evidence === 'public-record') expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const c of e.sources) expect([...c.quote].length, e.id).toBeLessThanOrEqual(300);
    }
    expect(byTerm.get('两个确立')!.history.first).toMatchObject({ doc: 'gwr-2022' });
  });

  it('has at least 250 entries', () => {
    expect(result.glossary.entries.length).toBeGreaterThanOrEqual(250);
  });

  it('accounts for every quoted phrase of the corpus', () => {
    expect(result.report.coverage.unaccounted).toEqual([]);
    expect(result.report.coverage.quoted).toBeGreaterThan(100);
    // Independently of the pipeline: every “…” phrase in the raw files is an entry's surface or excluded.
    const surfaces = new Set(result.glossary.entries.flatMap((e) => [e.term, ...e.variants]));
    const excluded = new Set(result.candidates.filter((c) => c.excluded).map((c) => c.phrase));
    for (const s of result.glossary.speeches) {
      const text = cleanSpeech(s.id, readFileSync(join(DICT, 'corpus', s.file), 'utf8')).paragraphs.join('\n');
      for (const q of quotedPhrases(text)) expect(surfaces.has(q) || excluded.has(q), `${s.id}: “${q}”`).toBe(true);
    }
  });

  it('accounts for every candidate of the record: quoted phrases and numbered formulas of the 2012–2025 reports and the 18th–20th Congress reports, and the top 300 recurring set phrases', () => {
    const rc = result.report.recordCoverage;
    expect(rc.unaccounted).toEqual([]);
    expect(rc.documents).toEqual(expect.arrayContaining(['gwr-2012', 'gwr-2025', 'cpc-congress-18', 'cpc-congress-19', 'cpc-congress-20']));
    expect(rc.candidates).toBeGreaterThan(500);
    expect(result.recordCandidates.filter((c) => c.kinds.includes('recurring')).length).toBeGreaterThanOrEqual(300);
    const kinds = new Map(result.recordCandidates.map((c) => [c.phrase, c.kinds]));
    expect(kinds.get('经济社会发展')).toContain('recurring'); // recurring, and excluded as ordinary prose with its reason
    expect(loadExclusions(join(DICT, 'exclusions')).find((x) => x.phrase === '经济社会发展')?.kind).toBe('ordinary-phrase');
    expect(kinds.get('放管服')).toContain('quoted');
    expect(kinds.get('三去一降一补')).toEqual(expect.arrayContaining(['quoted', 'numbered']));
    expect(kinds.has('经济发展')).toBe(false); // ordinary language, below the keyness line
  });

  it('extracts quoted phrases, numbered formulas and digit codes from the corpus', () => {
    const kinds = new Map(result.candidates.map((c) => [c.phrase, c.kinds]));
    expect(kinds.get('三高四新')).toContain('quoted');
    expect(kinds.get('五张产业名片')).toContain('quoted');
    expect(kinds.get('881314')).toContain('digit-code');
    expect(kinds.get('1353')).toContain('digit-code');
    expect(kinds.get('发展六仗')).toEqual(expect.arrayContaining(['quoted', 'numbered']));
    expect([...kinds.values()].some((k) => k.includes('recurring'))).toBe(true);
  });

  it('cleans the corpus damage and records it', () => {
    const notes = Object.fromEntries(result.report.speeches.map((s) => [s.id, s.notes.join('\n')]));
    expect(notes['001']).toContain('rejoined');
    expect(notes['001']).toContain('ends mid-sentence');
    expect(notes['003']).toContain('dropped');
    expect(notes['002']).toContain('masked');
    // A paragraph split mid-word is rejoined; a short line (a name, a date) is left alone.
    const c = cleanSpeech('t', '今年以来，全市上下齐心协力，努\n\n力在实施。\n\n重复的一段话，长度足够二十个字以上的一段话。\n\n重复的一段话，长度足够二十个字以上的一段话。');
    expect(c.paragraphs).toEqual(['今年以来，全市上下齐心协力，努力在实施。', '重复的一段话，长度足够二十个字以上的一段话。']);
  });

  it('records the 五个一体 misprint under 五位一体 instead of fixing it silently', () => {
    const e = byTerm.get('五位一体')!;
    expect(e.variants).toContain('五个一体');
    expect(e.notes.join(' ')).toContain('五个一体');
    expect(e.examples.some((x) => x.speech === '001')).toBe(true);
  });

  it('lists no items for a context-only entry', () => {
    const offenders = result.glossary.entries.filter((e) => e.evidence === 'context-only' && e.components.length > 0).map((e) => e.id);
    expect(offenders).toEqual([]);
  });

  it('lists the public-record items of well-known formulas exactly, in order', () => {
    const items: Record<string, string[]> = {
      四个意识: ['政治意识', '大局意识', '核心意识', '看齐意识'],
      四个自信: ['道路自信', '理论自信', '制度自信', '文化自信'],
      五位一体: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
      六稳: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
      六保: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
      新发展理念: ['创新', '协调', '绿色', '开放', '共享'],
      三不腐: ['不敢腐', '不能腐', '不想腐'],
    };
    for (const [term, expected] of Object.entries(items)) {
      const e = byTerm.get(term);
      expect(e, term).toBeDefined();
      expect(e!.evidence, term).toBe('public-record');
      expect(e!.components, term).toEqual(expected);
    }
  });

  it('generates pinyin and traditional variants', () => {
    const e = byTerm.get('两个确立')!;
    expect(e.pinyin).toBe('liǎng gè què lì');
    expect(e.variants).toContain('兩個確立');
  });

  it('gives corpus examples with their speech', () => {
    const e = byTerm.get('三高四新')!;
    expect(e.examples.length).toBeGreaterThan(0);
    expect(e.examples[0]!.sentence).toContain('三高四新');
    expect(e.corpus_count).toBeGreaterThanOrEqual(10);
    // Every sentence is kept (the entry page lists them all), the card's pick first, none twice.
    expect(e.examples.length).toBeGreaterThan(3);
    expect(new Set(e.examples.map((x) => x.speech + x.sentence)).size).toBe(e.examples.length);
    for (const x of e.examples) expect(x.sentence).toContain('三高四新');
  });
});

describe('not-term surfaces', () => {
  it('keep ordinary words that contain a term from being reported as it, in every script', () => {
    const matcher = createPageMatcher(result.matchIndex);
    const count = (html: string) => {
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      const occ = matchBlocks(matcher, collectBlocks(document.body as unknown as Node).blocks);
      return occ.map((o) => result.matchIndex.terms[o.entry]);
    };
    expect(count('<p>事物的两重性，冰火两重天。</p>')).toEqual([]);
    expect(count('<p>事物的兩重性。</p>')).toEqual([]);
    expect(count('<p>实施“两重”建设，加强两新组织党建。</p>')).toEqual(['两重', '两新组织']);
  });
  it('are validated, with errors naming the file, the item and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'not-terms-'));
    const file = join(dir, 'not-terms.json');
    const problems = (data: unknown) => {
      writeFileSync(file, JSON.stringify(data));
      try {
        loadNotTerms(file, new Set(['两重']), new Map([['两重', 'liang-zhong']]));
        return [];
      } catch (e) {
        if (e instanceof GlossaryError) return e.problems;
        throw e;
      }
    };
    expect(problems([{ surface: '双重性', contains: '两重', reason: 'an ordinary word' }])[0]).toContain('field "surface" must contain "两重"');
    expect(problems([{ surface: '三重性', contains: '三重', reason: 'an ordinary word' }])[0]).toContain('field "contains"');
    expect(problems([{ surface: '两重性', contains: '两重', reason: '' }])[0]).toMatch(/not-terms\.json: item #1 "两重性": field "reason"/);
    expect(problems([{ surface: '两重性', contains: '两重', reason: 'an ordinary word' }])).toEqual([]);
  });
});

describe('lookup command', SLOW, () => {
  const lookup = (...args: string[]) =>
    JSON.parse(execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/lookup.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Entry[];
  it('puts 四个意识 first with its four items', () => {
    const r = lookup('四个意识');
    expect(r[0]!.term).toBe('四个意识');
    expect(r[0]!.components).toHaveLength(4);
    expect(Object.keys(r[0]!)).toEqual(expect.arrayContaining(['id', 'term', 'variants', 'pinyin', 'category', 'level', 'summary_zh', 'explanation_zh', 'english', 'explanation_en', 'components', 'origin', 'evidence', 'related', 'examples', 'notes']));
  });
  it('ranks by initials, pinyin with and without tones, traditional and English', () => {
    expect(lookup('lgql')[0]!.term).toBe('两个确立');
    expect(lookup('liang', 'ge', 'que', 'li')[0]!.term).toBe('两个确立');
    expect(lookup('liǎng gè què lì')[0]!.term).toBe('两个确立');
    expect(lookup('liǎng gè').map((e) => e.term).slice(0, 5)).toContain('两个确立');
    expect(lookup('四個意識')[0]!.term).toBe('四个意识');
    expect(lookup('four', 'consciousnesses')[0]!.term).toBe('四个意识');
    expect(lookup('两个')[0]!.term.startsWith('两个')).toBe(true);
  });
  it('gives 三个务必 its three items with a quote of the 20th Congress report that holds them', () => {
    const e = lookup('三个务必')[0]!;
    expect(e.term).toBe('三个务必');
    expect(e.components).toHaveLength(3);
    ['不忘初心、牢记使命', '谦虚谨慎、艰苦奋斗', '敢于斗争、善于斗争'].forEach((item, i) => expect(e.components[i]).toContain(item));
    const cite = e.sources.find((c) => c.ref === 'record:cpc-congress-20')!;
    expect(cite.title).toBe('党的二十大报告');
    for (const item of e.components) expect(cite.quote.replace(/[，、]/g, '')).toContain(item.replace(/[，、]/g, ''));
  });
  it('prints the history in the record by title and year', () => {
    const e = lookup('四个意识')[0] as unknown as { history: { first: { title: string; year: number; sentence: string }; uses: Array<{ title: string; year: number; count: number }> } };
    expect(e.history.first).toMatchObject({ title: '2017年政府工作报告', year: 2017 });
    expect(e.history.first.sentence).toContain('四个意识');
    expect(e.history.uses[0]).toEqual({ title: '2017年政府工作报告', year: 2017, count: 1 });
    expect(e.history.uses.map((u) => u.title)).toEqual(expect.arrayContaining(['党的十九大报告', '党的二十大报告', '2025年政府工作报告']));
    const years = e.history.uses.map((u) => u.year);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });
  it('prints every exclusion with --excluded', () => {
    const excluded = JSON.parse(execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/lookup.ts', '--excluded'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Array<Record<string, string>>;
    expect(excluded.length).toBe(loadExclusions(join(DICT, 'exclusions')).length);
    for (const x of excluded) expect(Object.keys(x).sort()).toEqual(['kind', 'phrase', 'reason']);
    expect(excluded.map((x) => x.phrase)).toContain('看似寻常最奇崛，成如容易却艰辛');
  });
  it('prints [] for no match, and every entry with --all', () => {
    expect(lookup('zzzzqqqq')).toEqual([]);
    expect(lookup('--all').length).toBe(result.glossary.entries.length);
  });
});
