import type { Lang } from '../core/ui-text';
import { t } from '../core/ui-text';
import type { VocabularyItem } from '../runtime/vocabulary';

/** Saved terms with the date, the page and the sentence where they were saved. */
export function VocabularyList({ items, lang }: { items: VocabularyItem[]; lang: Lang }) {
  return (
    <section aria-labelledby="vocab-heading">
      <h2 id="vocab-heading">
        {t(lang, 'vocabulary')} <span class="muted">({items.length})</span>
      </h2>
      <ul class="vocabulary">
        {items.map((v) => (
          <li key={`${v.id}|${v.url}`}>
            <a href={`#entry/${v.id}`} lang="zh-CN">
              {v.term}
            </a>{' '}
            <span class="muted">{v.savedAt.slice(0, 10)}</span>
            {v.sentence ? <blockquote lang="zh-CN">{v.sentence}</blockquote> : null}
            {v.title ? <div class="muted">{v.title}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
