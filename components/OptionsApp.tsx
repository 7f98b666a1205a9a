import { useEffect, useState } from 'preact/hooks';
import { resolveLang, t } from '../core/ui-text';
import { entryView, glossary, termsById } from '../runtime/glossary';
import { DEFAULT_SETTINGS, getSettings, updateSettings, type Settings } from '../runtime/settings';
import { getVocabulary, type VocabularyItem } from '../runtime/vocabulary';
import { GlossaryBrowser } from './GlossaryBrowser';
import { SettingsForm } from './SettingsForm';
import { TermCard } from './TermCard';
import { VocabularyList } from './VocabularyList';

function useHash(): string {
  const [hash, setHash] = useState(location.hash.slice(1));
  useEffect(() => {
    const on = () => setHash(location.hash.slice(1));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The options page, a full tab: settings, the glossary with a page per entry, the vocabulary. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [vocabulary, setVocabulary] = useState<VocabularyItem[]>([]);
  const hash = decodeURIComponent(useHash());
  const lang = resolveLang(settings.language, navigator.language);
  useEffect(() => {
    void getSettings().then(setSettings);
    void getVocabulary().then(setVocabulary);
  }, []);
  const entryId = hash.startsWith('entry/') ? hash.slice(6) : null;
  const view = entryId ? entryView(entryId) : null;
  const tab = entryId ? 'glossary' : hash.split(/[/=]/)[0] || 'glossary';
  const nav: Array<[string, string]> = [
    ['glossary', t(lang, 'glossary')],
    ['vocabulary', t(lang, 'vocabulary')],
    ['settings', t(lang, 'settings')],
  ];
  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>提法阅读助手 <span class="muted">Tifa Reader</span></h1>
        <nav>
          {nav.map(([id, label]) => (
            <a key={id} href={`#${id}`} aria-current={tab === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {view ? (
          <div class="entry-page" id={`entry-${view.entry.id}`}>
            <p>
              <a href="#glossary">← {t(lang, 'glossary')}</a>
            </p>
            <TermCard
              view={view}
              lang={lang}
              relatedTerms={termsById}
              exampleLimit={50}
              onRelated={(id) => (location.hash = `entry/${id}`)}
              onClose={() => (location.hash = 'glossary')}
              onSave={() => undefined}
            />
          </div>
        ) : tab === 'settings' ? (
          <SettingsForm settings={settings} lang={lang} onChange={(c) => void updateSettings(c).then(setSettings)} />
        ) : tab === 'vocabulary' ? (
          <VocabularyList items={vocabulary} lang={lang} />
        ) : (
          <GlossaryBrowser entries={glossary.entries} lang={lang} />
        )}
      </main>
    </div>
  );
}
