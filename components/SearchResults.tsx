import type { Entry } from '../core/glossary-types';

/** Search results: term, pinyin and summary; choosing one opens its full card. */
export function SearchResults({ entries, onOpen, emptyText }: { entries: Entry[]; onOpen(id: string): void; emptyText: string }) {
  if (entries.length === 0) return <p class="muted">{emptyText}</p>;
  return (
    <ul class="results" role="listbox">
      {entries.map((e) => (
        <li key={e.id} role="option" aria-selected="false">
          <button type="button" class="result" onClick={() => onOpen(e.id)} data-entry={e.id}>
            <span class="term" lang="zh-CN">
              {e.term}
            </span>
            <span class="pinyin">{e.pinyin}</span>
            <span class="summary" lang="zh-CN">
              {e.summary_zh}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
