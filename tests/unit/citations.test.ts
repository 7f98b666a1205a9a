import { describe, expect, it } from 'vitest';
import { checkCitations, compactText, findPassages, quoteContains, type CitationContext } from '../../core/citations';
import { cleanRecordText, type RecordDocument } from '../../dictionary/build/record';
import { coverageProblems, recordHistory, type BuildReport } from '../../dictionary/build/build-glossary';
import { extractRecordCandidates } from '../../dictionary/build/record-candidates';
import { compileAutomaton, layoutAutomaton, loadAutomaton } from '../../core/matcher';

const REPORT = '同志们：全党同志务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争，坚定历史自信，增强历史主动。';
const ctx: CitationContext = {
  record: new Map([['cpc-congress-20', { title: '党的二十大报告', date: '2022-10-16', url: 'https://zh.wikisource.org/wiki/x', text: compactText(REPORT) }]]),
  speeches: new Map([['001', { title: '在衡阳市……闭幕式上的讲话', date: '2021', text: compactText('大力实施“三高四新”战略、推进“一体两翼”建设。') }]]),
};
const items = ['不忘初心、牢记使命', '谦虚谨慎、艰苦奋斗', '敢于斗争、善于斗争'];
const quote = '全党同志务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争';
const problemsOf = (entry: Parameters<typeof checkCitations>[0]) => checkCitations(entry, ctx).problems;

describe('citation checks', () => {
  it('accept a record quote that holds every component, and fill in its title, date and address', () => {
    const r = checkCitations({ components: items, evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote }] }, ctx);
    expect(r.problems).toEqual([]);
    expect(r.citations[0]).toMatchObject({ title: '党的二十大报告', date: '2022-10-16', url: 'https://zh.wikisource.org/wiki/x', ref: 'record:cpc-congress-20', quote });
  });

  it('reject an entry whose quote lacks a component', () => {
    const p = problemsOf({ components: [...items, '坚定历史自信', '勇于自我革命'], evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote }] });
    expect(p.join('\n')).toMatch(/components.*no citation quotes every item/);
  });

  it('reject a quote that is not in the named record document word for word', () => {
    const p = problemsOf({ evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote: '全党同志必须不忘初心、牢记使命' }] });
    expect(p.join('\n')).toMatch(/not in cpc-congress-20/);
    // Whitespace and line breaks are not words: a quote copied across a line break still matches.
    expect(problemsOf({ evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote: '务必谦虚谨慎、\n艰苦奋斗' }] })).toEqual([]);
    // A citation by title of a record document is checked too.
    expect(problemsOf({ evidence: 'public-record', sources: [{ title: '党的二十大报告', date: '2022-10-16', quote: '务必敢于冒险' }] }).join('\n')).toMatch(/not in cpc-congress-20/);
  });

  it('reject an unknown document, a plain string, a long quote and a bad date', () => {
    expect(problemsOf({ evidence: 'public-record', sources: [{ doc: 'gwr-1850', quote: 'x' }] }).join('\n')).toMatch(/not a document of the record/);
    expect(problemsOf({ evidence: 'public-record', sources: ['党的二十大报告（2022年10月）'] }).join('\n')).toMatch(/plain string is not a citation/);
    expect(problemsOf({ evidence: 'public-record', sources: [{ title: '人民网', date: '2022-10-16', quote: '很'.repeat(301) }] }).join('\n')).toMatch(/limit is 300/);
    expect(problemsOf({ evidence: 'public-record', sources: [{ title: '人民网', date: '2022年10月', quote: '一句话' }] }).join('\n')).toMatch(/"date" must be/);
    expect(problemsOf({ evidence: 'public-record', sources: [] }).join('\n')).toMatch(/needs at least one citation/);
  });

  it('reject an English rendering attributed to an outlet without a quote of it, and accept ours', () => {
    const english = [{ text: 'the Three Musts', source: 'Xinhua' }];
    expect(problemsOf({ english, evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote }] }).join('\n')).toMatch(/attributed to Xinhua, but no citation quotes it/);
    const quoted = [{ doc: 'cpc-congress-20', quote }, { title: 'Xinhua', date: '2022-10-17', url: 'https://english.news.cn/x', quote: 'He called on the Party to remember the Three Musts.' }];
    expect(problemsOf({ english, evidence: 'public-record', sources: quoted })).toEqual([]);
    expect(problemsOf({ english: [{ text: 'the three musts', source: 'our rendering' }], evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote }] })).toEqual([]);
  });

  it('reject an origin that no citation marked for it carries', () => {
    expect(problemsOf({ origin: '党的二十大（2022年10月）', evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote }] }).join('\n')).toMatch(/origin/);
    expect(problemsOf({ origin: '党的二十大（2022年10月）', evidence: 'public-record', sources: [{ doc: 'cpc-congress-20', quote, supports: ['origin'] }] })).toEqual([]);
  });

  it('check quotes of a corpus speech word for word', () => {
    expect(problemsOf({ evidence: 'corpus', sources: [{ speech: '001', quote: '大力实施“三高四新”战略' }] })).toEqual([]);
    expect(problemsOf({ evidence: 'corpus', sources: [{ speech: '001', quote: '全面实施“三高四新”战略' }] }).join('\n')).toMatch(/not in speech 001/);
  });

  it('compare components and English with punctuation, spacing and case aside', () => {
    expect(quoteContains('务必谦虚谨慎、艰苦奋斗', '谦虚谨慎，艰苦奋斗')).toBe(true);
    expect(quoteContains('the “Four Consciousnesses”', 'four consciousnesses')).toBe(true);
    expect(quoteContains('务必谦虚谨慎', '艰苦奋斗')).toBe(false);
  });

  it('find passages that hold every word, within the length of a quote', () => {
    const found = findPassages(REPORT, ['谦虚谨慎', '敢于斗争'], 300);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('谦虚谨慎');
    expect(found[0]).toContain('敢于斗争');
    expect(findPassages(REPORT, ['谦虚谨慎', '不在文中'], 300)).toEqual([]);
    expect(findPassages(REPORT, ['同志们', '历史主动'], 20)).toEqual([]);
  });
});

describe('the record', () => {
  it('is cleaned: notice dropped, link line breaks rejoined, title block kept apart, words unchanged', () => {
    const raw =
      '高举中国特色社会主义伟大旗帜\n\n\n——在中国共产党第二十次全国代表大会上的报告\n\n（2022年10月16日）\n\n习\u3000近\u3000平\n\n\n同志们：\n\n制定\n“十四五”规划和二〇三五年远景目标\n，全面总结\u200b经验。\n\n\n\n\n本作品来自1949年10月1日（含）之后的中国共产党文件。\n\nPublic domain\nfalse';
    const c = cleanRecordText(raw);
    expect(c.heading).toEqual(['高举中国特色社会主义伟大旗帜', '——在中国共产党第二十次全国代表大会上的报告', '（2022年10月16日）', '习近平']);
    expect(c.paragraphs).toEqual(['同志们：', '制定“十四五”规划和二〇三五年远景目标，全面总结经验。']);
    expect(c.notes.join('\n')).toMatch(/public-domain notice/);
    expect(c.notes.join('\n')).toMatch(/rejoined 2 line break/);
    expect(c.notes.join('\n')).toMatch(/zero-width/);
  });

  it('gives each entry its uses per document in order, the first document and its first sentence', () => {
    const doc = (id: string, year: number, kind: RecordDocument['kind'], text: string): RecordDocument => ({
      id, year, kind, file: '', source_title: id, title: id, date: String(year), date_basis: '', speaker: null, speaker_basis: null, url: '', heading: [], paragraphs: [text], notes: [],
    });
    const record = [
      doc('gwr-2024', 2024, 'government-work-report', '增强“四个意识”。做到“两个维护”，增强四个意识！'),
      doc('cpc-congress-19', 2017, 'congress-report', '牢固树立四个意识。'),
      doc('npc-resolution-2017', 2017, 'npc-resolution', '增强“四个意识”、做到“两个维护”。'),
      doc('gwr-2017', 2017, 'government-work-report', '没有这个提法。'),
    ];
    const patterns = ['四个意识', '两个维护', '四個意識'];
    const automaton = loadAutomaton(layoutAutomaton(compileAutomaton(patterns)));
    const [siGe, liangGe, none] = recordHistory(record, automaton, [0, 1, 0], 3);
    // Within 2017: the report of March, the resolution, then the Congress report of the autumn.
    expect(siGe).toEqual({
      first: { doc: 'npc-resolution-2017', sentence: '增强“四个意识”、做到“两个维护”。' },
      uses: [{ doc: 'npc-resolution-2017', count: 1 }, { doc: 'cpc-congress-19', count: 1 }, { doc: 'gwr-2024', count: 2 }],
    });
    expect(liangGe!.uses).toEqual([{ doc: 'npc-resolution-2017', count: 1 }, { doc: 'gwr-2024', count: 1 }]);
    expect(none).toEqual({ first: null, uses: [] });
  });
});

describe('candidates of the record and their coverage', () => {
  const doc = (id: string, year: number, text: string): RecordDocument => ({
    id, year, kind: 'government-work-report', file: '', source_title: id, title: id, date: String(year), date_basis: '', speaker: null, speaker_basis: null, url: '', heading: [], paragraphs: [text], notes: [],
  });
  // A segmenter that cuts on a fixed word list, longest first, as jieba would with these words known.
  const words = ['新三样', '两新一重', '长三角', '一体化', '五项原则', '基础', '上', '推进', '建设', '高质量', '发展', '经济', '和平共处', '坚持'];
  const cutter = (text: string) => {
    const out: string[] = [];
    for (let i = 0; i < text.length; ) {
      const w = words.filter((x) => text.startsWith(x, i)).sort((a, b) => b.length - a.length)[0] ?? text[i]!;
      out.push(w);
      i += w.length;
    }
    return out;
  };
  const seg = { cut: cutter, isOrdinaryWord: () => false, termSpans: () => [] as Array<[number, number]>, generalShare: () => 1e-6 };

  it('counts quoted phrases and word-bounded numbered formulas per document, newest first by recency', () => {
    const record = [
      doc('gwr-2016', 2016, '推进长三角一体化，坚持和平共处五项原则基础上的合作，抓好“两新一重”。'),
      doc('gwr-2024', 2024, '“新三样”出口增长，“两新一重”建设加快。'),
    ];
    const c = extractRecordCandidates(record, seg);
    const by = new Map(c.map((x) => [x.phrase, x]));
    expect(by.get('两新一重')).toMatchObject({ kinds: ['quoted', 'numbered'], docs: [{ doc: 'gwr-2016', count: 2 }, { doc: 'gwr-2024', count: 2 }], last_year: 2024 });
    expect(by.get('新三样')!.docs).toEqual([{ doc: 'gwr-2024', count: 1 }]);
    expect(by.get('五项原则')!.kinds).toEqual(['numbered']);
    expect(by.has('五项原则基础')).toBe(false);
    expect(by.has('三角一体化')).toBe(false);
    // Used in 2024 weighs more than used in 2016.
    expect(c.findIndex((x) => x.phrase === '新三样')).toBeLessThan(c.findIndex((x) => x.phrase === '五项原则'));
  });

  it('fail the build on a candidate with neither an entry nor an exclusion', () => {
    const report = {
      coverage: { quoted: 1, byEntry: 1, byExclusion: 0, unaccounted: [] },
      recordCoverage: { documents: ['gwr-2024'], candidates: 2, byEntry: 1, byExclusion: 0, unaccounted: ['新三样'] },
    } as unknown as BuildReport;
    expect(coverageProblems(report, true).join('\n')).toMatch(/candidates of the record with neither an entry nor an exclusion[\s\S]*新三样/);
    expect(coverageProblems({ ...report, recordCoverage: { ...report.recordCoverage, unaccounted: [] } } as BuildReport, true)).toEqual([]);
  });
});
