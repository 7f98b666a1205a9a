import { useState } from 'preact/hooks';
import { CATEGORY_LABELS, LEVEL_LABELS } from '../core/glossary-types';
import { t, type Lang } from '../core/ui-text';
import type { EntryView } from '../runtime/messages';
import { CitationList } from './CitationList';
import { EvidenceMark } from './EvidenceMark';
import { ExampleQuote } from './ExampleQuote';

export interface TermCardProps {
  view: EntryView;
  lang: Lang;
  /** Terms of related entries, by id, for their buttons. */
  relatedTerms: Record<string, string>;
  onRelated(id: string): void;
  onSave(): void;
  onClose(): void;
  saved?: boolean;
  /** Extra examples to show (the options page shows all; the card shows one). */
  exampleLimit?: number;
  /** Follow a dark page. */
  dark?: boolean;
  /** Why the last save failed (the background's words), shown by the Save button. */
  saveError?: string | null;
}

/**
 * A click handler that acts only on the reader's own clicks: a page can dispatch events, or call
 * `.click()`, on any element it reaches (`isTrusted` is false for both), and must not save or copy.
 */
const trusted = (act: () => void) => (e: Event) => {
  if (e.isTrusted) act();
};

/** The explanation of one term: the card on a page, and an entry's page in the options. */
export function TermCard({ view, lang, relatedTerms, onRelated, onSave, onClose, saved, exampleLimit = 1, dark = false, saveError }: TermCardProps) {
  const { entry, speeches } = view;
  const [explainIn, setExplainIn] = useState<Lang>(lang);
  const [copied, setCopied] = useState(false);
  const headingId = `tifa-term-${entry.id}`;
  const copy = async () => {
    const text = [
      `${entry.term}（${entry.pinyin}）`,
      entry.summary_zh,
      entry.components.length ? entry.components.map((c, i) => `${i + 1}. ${c}`).join('\n') : '',
      entry.english.map((e) => e.text).join(' / '),
    ]
      .filter(Boolean)
      .join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class={dark ? 'card dark' : 'card'} role="dialog" aria-labelledby={headingId} aria-label={t(lang, 'termCard')}>
      <header>
        <div class="title">
          <h2 id={headingId} lang="zh-CN">
            {entry.term}
          </h2>
          <span class="pinyin" lang="zh-Latn-pinyin">
            {entry.pinyin}
          </span>
        </div>
        <button type="button" class="icon" onClick={trusted(onClose)} aria-label={t(lang, 'close')} title={t(lang, 'close')}>
          ×
        </button>
      </header>
      <div class="chips">
        <span class={`chip level level-${entry.level}`}>
          {LEVEL_LABELS[entry.level][lang]}
          {entry.region ? ` · ${entry.region}` : ''}
        </span>
        <span class={`chip category category-${entry.category}`}>{CATEGORY_LABELS[entry.category][lang]}</span>
        <EvidenceMark evidence={entry.evidence} lang={lang} />
      </div>
      <p class="summary" lang="zh-CN">
        {entry.summary_zh}
      </p>
      {entry.components.length > 0 ? (
        <section aria-label={t(lang, 'items')}>
          <h3>{t(lang, 'items')}</h3>
          <ol class="components" lang="zh-CN">
            {entry.components.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </section>
      ) : entry.evidence === 'context-only' ? (
        <p class="muted">{t(lang, 'itemsNotStated')}</p>
      ) : null}
      <section>
        <div class="section-head">
          <h3>{t(lang, 'explanation')}</h3>
          <button type="button" class="link" aria-pressed={explainIn === 'en'} onClick={trusted(() => setExplainIn(explainIn === 'zh' ? 'en' : 'zh'))}>
            {explainIn === 'zh' ? t(lang, 'showEnglish') : t(lang, 'showChinese')}
          </button>
        </div>
        <p lang={explainIn === 'zh' ? 'zh-CN' : 'en'}>{explainIn === 'zh' ? entry.explanation_zh : entry.explanation_en}</p>
        {entry.origin ? (
          <p class="muted">
            {t(lang, 'origin')}: {entry.origin}
          </p>
        ) : null}
      </section>
      <section>
        <h3>{t(lang, 'english')}</h3>
        <ul class="english">
          {entry.english.map((r) => (
            <li key={r.text}>
              <span lang="en">{r.text}</span> <span class="source">— {r.source}</span>
            </li>
          ))}
        </ul>
      </section>
      {entry.notes.length > 0 ? (
        <section>
          <h3>{t(lang, 'notes')}</h3>
          <ul class="notes">
            {entry.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {entry.examples.length > 0 ? (
        <section>
          <h3>{t(lang, 'example')}</h3>
          {entry.examples.slice(0, exampleLimit).map((ex) => (
            <ExampleQuote key={ex.sentence} example={ex} surfaces={[entry.term, ...entry.variants]} speech={speeches.find((s) => s.id === ex.speech)} />
          ))}
        </section>
      ) : null}
      <CitationList citations={entry.sources} lang={lang} />
      {entry.related.length > 0 ? (
        <section>
          <h3>{t(lang, 'related')}</h3>
          <div class="related">
            {entry.related.map((id) => (
              <button type="button" class="chip-button" key={id} onClick={trusted(() => onRelated(id))} lang="zh-CN">
                {relatedTerms[id] ?? id}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      <footer>
        <button type="button" onClick={trusted(onSave)} disabled={saved}>
          {saved ? t(lang, 'saved') : t(lang, 'save')}
        </button>
        <button type="button" onClick={trusted(() => void copy())}>
          {copied ? t(lang, 'copied') : t(lang, 'copy')}
        </button>
        {saveError ? (
          <p class="save-error" role="alert">
            {saveError}
          </p>
        ) : null}
      </footer>
    </div>
  );
}
