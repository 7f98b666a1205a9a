import { CATEGORIES, CATEGORY_LABELS } from '../core/glossary-types';
import { t, type Lang } from '../core/ui-text';
import type { CardTrigger, HighlightMode, HighlightStyle, Settings, UiLanguage } from '../runtime/settings';

/** Highlight mode, categories, highlight style, hover delay, trigger and interface language. */
export function SettingsForm({ settings, lang, onChange }: { settings: Settings; lang: Lang; onChange(change: Partial<Settings>): void }) {
  const zh = lang === 'zh';
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t(lang, 'settings')}</h2>
      <label class="row">
        {t(lang, 'mode')}
        <select value={settings.mode} onChange={(e) => onChange({ mode: (e.target as HTMLSelectElement).value as HighlightMode })}>
          <option value="speech">{t(lang, 'modeSpeech')}</option>
          <option value="all">{t(lang, 'modeAll')}</option>
          <option value="click">{t(lang, 'modeClick')}</option>
        </select>
      </label>
      <fieldset>
        <legend>{zh ? '高亮的类别' : 'Categories to highlight'}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="checkbox"
              checked={settings.categories.includes(c)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                onChange({ categories: on ? [...settings.categories, c] : settings.categories.filter((x) => x !== c) });
              }}
            />
            {CATEGORY_LABELS[c][lang]}
          </label>
        ))}
      </fieldset>
      <label class="row">
        {zh ? '高亮样式' : 'Highlight style'}
        <select value={settings.highlightStyle} onChange={(e) => onChange({ highlightStyle: (e.target as HTMLSelectElement).value as HighlightStyle })}>
          <option value="tint-underline">{zh ? '底色加下划线' : 'Tint and underline'}</option>
          <option value="underline">{zh ? '只用下划线' : 'Underline only'}</option>
          <option value="tint">{zh ? '只用底色' : 'Tint only'}</option>
        </select>
      </label>
      <label class="row">
        {zh ? '打开解释卡片' : 'Open the card on'}
        <select value={settings.trigger} onChange={(e) => onChange({ trigger: (e.target as HTMLSelectElement).value as CardTrigger })}>
          <option value="hover">{zh ? '悬停' : 'Hover'}</option>
          <option value="click">{zh ? '点击' : 'Click'}</option>
          <option value="modifier">{zh ? '按住 Shift 或 Alt 悬停' : 'Hover with Shift or Alt held'}</option>
        </select>
      </label>
      <label class="row">
        {zh ? '悬停延迟（毫秒）' : 'Hover delay (ms)'}
        <input
          type="number"
          min={0}
          max={2000}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => onChange({ hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
        />
      </label>
      <label class="row">
        {zh ? '界面语言' : 'Interface language'}
        <select value={settings.language} onChange={(e) => onChange({ language: (e.target as HTMLSelectElement).value as UiLanguage })}>
          <option value="auto">{zh ? '跟随浏览器' : 'Follow the browser'}</option>
          <option value="zh">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
    </section>
  );
}
