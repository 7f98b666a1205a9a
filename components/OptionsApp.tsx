import { useEffect, useState } from 'preact/hooks';
import { resolveLang, t } from '../core/ui-text';
import { entryView, glossary, termsById } from '../runtime/glossary';
import { askBackground } from '../runtime/messages';
import { DEFAULT_SETTINGS, getSettings, type Settings } from '../runtime/settings';
import { getVocabulary, type VocabularyItem } from '../runtime/vocabulary';
import { AnalysisView } from './AnalysisView';
import { DataView } from './DataView';
import { ExplainView } from './ExplainView';
import { GlossaryBrowser } from './GlossaryBrowser';
import { ReportView } from './ReportView';
import { ReviewView } from './ReviewView';
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

/**
 * The options page, a full tab. Routes (hash): glossary, entry/<id>, vocabulary, review, report[/<tabId>],
 * analysis, data, settings, explain=<text>.
 */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [vocabulary, setVocabulary] = useState<VocabularyItem[]>([]);
  const hash = useHash();
  const lang = resolveLang(settings.language, navigator.language);
  const reload = () => {
    void getSettings().then(setSettings);
    void getVocabulary().then(setVocabulary);
  };
  useEffect(reload, []);
  const [route = 'glossary', arg = ''] = hash.startsWith('explain=') ? ['explain', hash.slice(8)] : hash.split('/');
  const decoded = (() => {
    try {
      return decodeURIComponent(arg);
    } catch {
      return arg;
    }
  })();
  const view = route === 'entry' ? entryView(decoded) : null;
  const nav: Array<[string, string]> = [
    ['glossary', t(lang, 'glossary')],
    ['vocabulary', t(lang, 'vocabulary')],
    ['review', lang === 'zh' ? '复习' : 'Review'],
    ['report', lang === 'zh' ? '页面报告' : 'Page report'],
    ['analysis', lang === 'zh' ? '文本分析' : 'Text analysis'],
    ['data', lang === 'zh' ? '导出与导入' : 'Export and import'],
    ['settings', t(lang, 'settings')],
  ];
  const current = route === 'entry' ? 'glossary' : route;
  let main;
  if (route === 'entry') {
    main = view ? (
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
    ) : (
      <p role="alert">{t(lang, 'notFound')}</p>
    );
  } else if (route === 'settings') main = <SettingsForm settings={settings} lang={lang} onChange={(change) => void askBackground<Settings>({ type: 'update-settings', change }).then(setSettings)} />;
  else if (route === 'vocabulary') main = <VocabularyList items={vocabulary} lang={lang} onChanged={reload} />;
  else if (route === 'review') main = <ReviewView vocabulary={vocabulary} lang={lang} />;
  else if (route === 'report') main = <ReportView lang={lang} tabId={arg && /^\d+$/.test(arg) ? Number(arg) : null} />;
  else if (route === 'analysis') main = <AnalysisView lang={lang} />;
  else if (route === 'data') main = <DataView vocabulary={vocabulary} lang={lang} onImported={reload} />;
  else if (route === 'explain') main = <ExplainView text={decoded.slice(0, 2000)} lang={lang} />;
  else main = <GlossaryBrowser entries={glossary.entries} lang={lang} />;
  return (
    <div class="options-layout" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="options-header">
        <h1>
          提法阅读助手 <span class="muted">Tifa Reader</span>
        </h1>
        <nav aria-label={lang === 'zh' ? '栏目' : 'Sections'}>
          {nav.map(([id, label]) => (
            <a key={id} href={`#${id}`} aria-current={current === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>{main}</main>
    </div>
  );
}
