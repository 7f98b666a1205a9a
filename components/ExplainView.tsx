import { useEffect, useState } from 'preact/hooks';
import { search } from '../core/search';
import { countTerms, type TermCount } from '../core/text-analysis';
import { foldString } from '../core/normalize';
import type { Lang } from '../core/ui-text';
import { entriesById, glossary, pageMatcher, searchIndex } from '../runtime/glossary';
import { loadSegmenter } from '../runtime/segmenter';
import { SearchResults } from './SearchResults';
import { TermCountTable } from './TermCountTable';

/**
 * “Explain this selection” for text that is not a term itself: segment it with jieba-wasm to find the
 * known terms inside; failing that, say so and offer the nearest entries.
 */
export function ExplainView({ text, lang }: { text: string; lang: Lang }) {
  const zh = lang === 'zh';
  const [found, setFound] = useState<TermCount[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadSegmenter(glossary.entries.map((e) => e.term)).then((jieba) => {
      const m = pageMatcher();
      const counts = new Map(countTerms(text, m.automaton, m.index).map((t) => [t.id, t]));
      // Segments that are known surfaces (jieba knows the terms, so they come out whole).
      const surfaces = new Map(m.index.patterns.map((p, i) => [foldString(p), m.index.patternEntry[i]!]));
      for (const token of jieba.cut(text, true)) {
        const e = surfaces.get(foldString(token));
        if (e !== undefined && e >= 0 && !counts.has(m.index.ids[e]!)) counts.set(m.index.ids[e]!, { id: m.index.ids[e]!, term: m.index.terms[e]!, count: 1 });
      }
      if (live) setFound([...counts.values()]);
    });
    return () => {
      live = false;
    };
  }, [text]);
  const nearest = search(searchIndex(), text, 8).map((r) => entriesById.get(r.id)!);
  return (
    <section aria-labelledby="explain-heading">
      <h2 id="explain-heading">
        {zh ? '解释' : 'Explain'} <q lang="zh-CN">{text.slice(0, 80)}</q>
      </h2>
      {found === null ? (
        <p class="muted">{zh ? '分词中…' : 'Segmenting…'}</p>
      ) : found.length > 0 ? (
        <TermCountTable terms={found} caption={zh ? '其中的提法' : 'Terms in the selection'} />
      ) : (
        <>
          <p role="status">{zh ? '所选文字不在词表中。相近的条目：' : 'The selection is not in the glossary. The nearest entries:'}</p>
          <SearchResults entries={nearest} onOpen={(id) => (location.hash = `entry/${id}`)} emptyText={zh ? '没有相近的条目。' : 'No near entries.'} />
        </>
      )}
    </section>
  );
}
