import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, EVIDENCE, EVIDENCE_LABELS, LEVELS, LEVEL_LABELS, type Entry } from '../core/glossary-types';
import { t, type Lang } from '../core/ui-text';

/** Every entry, filterable by category, level and evidence; each links to its own page. */
export function GlossaryBrowser({ entries, lang }: { entries: Entry[]; lang: Lang }) {
  const [category, setCategory] = useState('');
  const [level, setLevel] = useState('');
  const [evidence, setEvidence] = useState('');
  const shown = useMemo(
    () => entries.filter((e) => (!category || e.category === category) && (!level || e.level === level) && (!evidence || e.evidence === evidence)),
    [entries, category, level, evidence],
  );
  const select = (label: string, value: string, set: (v: string) => void, options: Array<[string, string]>) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        <option value="">{t(lang, 'all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">
        {t(lang, 'glossary')} <span class="muted">({shown.length} {t(lang, 'entries')})</span>
      </h2>
      <div class="filters">
        {select(t(lang, 'category'), category, setCategory, CATEGORIES.map((c) => [c, CATEGORY_LABELS[c][lang]]))}
        {select(t(lang, 'level'), level, setLevel, LEVELS.map((c) => [c, LEVEL_LABELS[c][lang]]))}
        {select(t(lang, 'evidence'), evidence, setEvidence, EVIDENCE.map((c) => [c, EVIDENCE_LABELS[c][lang]]))}
      </div>
      <table class="glossary">
        <tbody>
          {shown.map((e) => (
            <tr key={e.id}>
              <td lang="zh-CN">
                <a href={`#entry/${e.id}`}>{e.term}</a>
              </td>
              <td class="muted">{e.pinyin}</td>
              <td lang="zh-CN">{e.summary_zh}</td>
              <td class="muted">{LEVEL_LABELS[e.level][lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
