import type { PageTerms } from '../runtime/messages';

/** "On this page": the terms found in the current tab with their counts. */
export function PageTermList({ page, onReveal }: { page: PageTerms; onReveal(id: string): void }) {
  return (
    <ul class="page-terms">
      {page.terms.map((t) => (
        <li key={t.id}>
          <button type="button" class="result compact" onClick={() => onReveal(t.id)} data-entry={t.id}>
            <span class="term" lang="zh-CN">
              {t.term}
            </span>
            <span class="count">×{t.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
