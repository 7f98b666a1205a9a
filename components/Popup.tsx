import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { search } from '../core/search';
import { resolveLang, t } from '../core/ui-text';
import { entriesById, entryView, searchIndex, termsById } from '../runtime/glossary';
import type { PageTerms } from '../runtime/messages';
import { askBackground } from '../runtime/messages';
import { DEFAULT_SETTINGS, getSettings, type HighlightMode, type Settings } from '../runtime/settings';
import { PageTermList } from './PageTermList';
import { SearchResults } from './SearchResults';
import { TermCard } from './TermCard';

/** The toolbar popup: quick search, the terms on this page, this site's switch and the mode. */
export function Popup() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [page, setPage] = useState<PageTerms | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [host, setHost] = useState('');
  const lang = resolveLang(settings.language, navigator.language);

  useEffect(() => {
    void getSettings().then(setSettings);
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      try {
        // The per-site switch is for web pages only (not the browser's or an extension's own pages).
        const url = new URL(tab.url ?? '');
        setHost(url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : '');
      } catch {
        setHost('');
      }
      const terms = (await browser.tabs.sendMessage(tab.id, { type: 'get-page-terms' }).catch(() => null)) as PageTerms | null;
      setPage(terms);
    });
  }, []);

  const results = useMemo(() => (query.trim() ? search(searchIndex(), query, 30).map((r) => entriesById.get(r.id)!) : []), [query]);
  const view = openId ? entryView(openId) : null;

  const toggle = async (on: boolean) => {
    if (tabId === null) return;
    const terms = (await browser.tabs.sendMessage(tabId, { type: 'set-highlighting', on }).catch(() => null)) as PageTerms | null;
    if (terms) setPage(terms);
  };
  const reveal = async (id: string) => {
    if (tabId === null) return;
    await browser.tabs.sendMessage(tabId, { type: 'reveal-term', id }).catch(() => undefined);
    window.close();
  };

  return (
    <main class="popup-main">
      <header class="popup-header">
        <h1>提法阅读助手</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer" class="muted">
          {t(lang, 'options')}
        </a>
      </header>
      <input
        type="search"
        class="search"
        placeholder={t(lang, 'search')}
        aria-label={t(lang, 'search')}
        value={query}
        autoFocus
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setOpenId(null);
        }}
      />
      {view ? (
        <TermCard view={view} lang={lang} relatedTerms={termsById} onRelated={setOpenId} onClose={() => setOpenId(null)} onSave={() => undefined} />
      ) : query.trim() ? (
        <SearchResults entries={results} onOpen={setOpenId} emptyText={t(lang, 'noResults')} />
      ) : (
        <section>
          <h2>
            {t(lang, 'onThisPage')}
            {page?.speech ? <span class="chip">{t(lang, 'speechPage')}</span> : null}
          </h2>
          {page && page.terms.length > 0 ? <PageTermList page={page} onReveal={(id) => void reveal(id)} /> : <p class="muted">{t(lang, 'noTermsOnPage')}</p>}
          {page ? (
            <p class="buttons">
              <button type="button" onClick={() => void toggle(!page.highlighted)}>
                {page.highlighted ? t(lang, 'unhighlightPage') : t(lang, 'highlightPage')}
              </button>
              {tabId !== null && page.terms.length > 0 ? (
                <a href={browser.runtime.getURL(`/options.html#report/${tabId}`)} target="_blank" rel="noreferrer">
                  {lang === 'zh' ? '页面报告' : 'Page report'}
                </a>
              ) : null}
            </p>
          ) : null}
        </section>
      )}
      <section class="settings-row">
        {host ? (
          <label>
            {t(lang, 'thisSite')} <span class="muted">{host}</span>{' '}
            <select
              value={settings.siteRules[host] ?? ''}
              onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                void askBackground<Settings>({ type: 'set-site-rule', host, rule: v === 'always' || v === 'never' ? v : null }).then(setSettings);
              }}
            >
              <option value="">{t(lang, 'siteDefault')}</option>
              <option value="always">{t(lang, 'siteAlways')}</option>
              <option value="never">{t(lang, 'siteNever')}</option>
            </select>
          </label>
        ) : null}
        <label>
          {t(lang, 'mode')}{' '}
          <select value={settings.mode} onChange={(e) => void askBackground<Settings>({ type: 'update-settings', change: { mode: (e.target as HTMLSelectElement).value as HighlightMode } }).then(setSettings)}>
            <option value="speech">{t(lang, 'modeSpeech')}</option>
            <option value="all">{t(lang, 'modeAll')}</option>
            <option value="click">{t(lang, 'modeClick')}</option>
          </select>
        </label>
      </section>
    </main>
  );
}
