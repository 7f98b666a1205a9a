import type { Lang } from '../core/ui-text';
import { t } from '../core/ui-text';
import { askBackground } from '../runtime/messages';
import type { VocabularyItem, WriteOutcome } from '../runtime/vocabulary';
import { DeletionBar } from './DeletionBar';
import { useDeletion, type Removal } from './use-deletion';

const keyOf = (v: VocabularyItem) => `${v.id}|${v.url}`;

/** What the background answered to a vocabulary change, as a removal (the error in the reader's words). */
async function asRemoval(outcome: Promise<WriteOutcome>): Promise<Removal<VocabularyItem>> {
  const r = await outcome;
  return r.ok ? { ok: true, removed: r.value } : { ok: false, error: r.reason === 'quota' ? 'The browser’s storage for the extension is full.' : `Not changed: ${r.detail ?? r.reason}` };
}

/** Saved terms with the date, the page and the sentence where they were saved; delete one, some or all, with undo. */
export function VocabularyList({ items, lang, onChanged }: { items: VocabularyItem[]; lang: Lang; onChanged(): void }) {
  const deletion = useDeletion<string, VocabularyItem>({
    remove: (keys) =>
      asRemoval(
        askBackground<WriteOutcome>({
          type: 'delete-vocabulary',
          keys: keys === 'all' ? 'all' : items.filter((v) => keys.includes(keyOf(v))).map(({ id, url }) => ({ id, url })),
        }),
      ),
    putBack: (removed) => asRemoval(askBackground<WriteOutcome>({ type: 'undo-delete-vocabulary', items: removed })),
    onChanged,
  });
  const zh = lang === 'zh';
  return (
    <section aria-labelledby="vocab-heading">
      <h2 id="vocab-heading">
        {t(lang, 'vocabulary')} <span class="muted">({items.length})</span>
      </h2>
      <DeletionBar deletion={deletion} count={items.length} lang={lang} what={zh ? '生词' : 'vocabulary items'} />
      <ul class="vocabulary">
        {items.map((v) => (
          <li key={keyOf(v)}>
            <input type="checkbox" aria-label={zh ? `选择“${v.term}”` : `Select ${v.term}`} checked={deletion.selected.has(keyOf(v))} onChange={() => deletion.toggle(keyOf(v))} />{' '}
            <a href={`#entry/${v.id}`} lang="zh-CN">
              {v.term}
            </a>{' '}
            <span class="muted">{v.savedAt.slice(0, 10)}</span>{' '}
            <button type="button" class="link" data-delete-one={keyOf(v)} onClick={() => void deletion.remove([keyOf(v)])}>
              {zh ? '删除' : 'Delete'}
            </button>
            {v.sentence ? <blockquote lang="zh-CN">{v.sentence}</blockquote> : null}
            {v.title ? <div class="muted">{v.title}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
