import { useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, type CuratedEntry } from '../core/glossary-types';
import type { Lang } from '../core/ui-text';

/** A short form to keep an unknown phrase as a personal entry (context-only until a source is named). */
export function PersonalEntryForm({ phrase, lang, onSave, onCancel }: { phrase: string; lang: Lang; onSave(e: CuratedEntry): Promise<string | null>; onCancel(): void }) {
  const zh = lang === 'zh';
  const [summary, setSummary] = useState('');
  const [category, setCategory] = useState<CuratedEntry['category']>('local');
  const [error, setError] = useState<string | null>(null);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const id = `user-${Array.from(phrase).map((c) => c.codePointAt(0)!.toString(36)).join('-')}`.slice(0, 120);
    const entry: CuratedEntry = {
      id,
      term: phrase,
      category,
      level: 'municipal',
      region: zh ? '（个人条目）' : '(personal entry)',
      summary_zh: summary || phrase,
      explanation_zh: `${summary || phrase}。个人条目：含义据上下文推断，未列具体内容。`,
      english: [{ text: phrase, source: 'personal entry' }],
      explanation_en: 'A personal entry: its meaning is inferred from context; its items are not stated.',
      evidence: 'context-only',
    };
    setError(await onSave(entry));
  };
  return (
    <form class="personal-entry" onSubmit={(e) => void submit(e)}>
      <strong lang="zh-CN">{phrase}</strong>
      <input aria-label={zh ? '一句话说明' : 'One-line summary'} placeholder={zh ? '一句话说明' : 'One-line summary'} value={summary} onInput={(e) => setSummary((e.target as HTMLInputElement).value)} />
      <select aria-label={zh ? '类别' : 'Category'} value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as CuratedEntry['category'])}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c][lang]}
          </option>
        ))}
      </select>
      <button type="submit">{zh ? '保存' : 'Save'}</button>
      <button type="button" onClick={onCancel}>
        {zh ? '取消' : 'Cancel'}
      </button>
      {error ? <p role="alert" class="error">{error}</p> : null}
    </form>
  );
}
