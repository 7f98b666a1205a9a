/**
 * The settings' shape, defaults and repair: pure, shared by the storage layer (runtime/settings.ts)
 * and the content script, which reads storage directly to stay small.
 */
import { CATEGORIES, type Category } from './glossary-types';
import { migrateSettingsV1toV2 } from './migrations';

export type HighlightMode = 'speech' | 'all' | 'click';
export type SiteRule = 'always' | 'never';
export type CardTrigger = 'hover' | 'click' | 'modifier';
export type UiLanguage = 'auto' | 'zh' | 'en';
/** How terms are marked: a tint with an underline (default), the underline only, or the tint only. */
export type HighlightStyle = 'tint-underline' | 'underline' | 'tint';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['tint-underline', 'underline', 'tint'];

export interface Settings {
  mode: HighlightMode;
  categories: Category[];
  highlightStyle: HighlightStyle;
  hoverDelayMs: number;
  trigger: CardTrigger;
  language: UiLanguage;
  siteRules: Record<string, SiteRule>;
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'speech',
  categories: [...CATEGORIES],
  highlightStyle: 'tint-underline',
  hoverDelayMs: 300,
  trigger: 'hover',
  language: 'auto',
  siteRules: {},
};

/** Repair a stored value of unknown shape: keep what is valid, default the rest. */
export function sanitizeSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const oneOf = <T extends string>(x: unknown, allowed: readonly T[], fallback: T): T =>
    typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : fallback;
  const rules: Record<string, SiteRule> = {};
  if (typeof v.siteRules === 'object' && v.siteRules !== null) {
    for (const [host, rule] of Object.entries(v.siteRules as Record<string, unknown>)) {
      if ((rule === 'always' || rule === 'never') && host.length < 256) rules[host] = rule;
    }
  }
  const delay = typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs) ? Math.min(2000, Math.max(0, v.hoverDelayMs)) : DEFAULT_SETTINGS.hoverDelayMs;
  return {
    mode: oneOf(v.mode, ['speech', 'all', 'click'] as const, DEFAULT_SETTINGS.mode),
    categories: Array.isArray(v.categories) ? CATEGORIES.filter((c) => (v.categories as unknown[]).includes(c)) : [...CATEGORIES],
    highlightStyle: oneOf(v.highlightStyle, HIGHLIGHT_STYLES, DEFAULT_SETTINGS.highlightStyle),
    hoverDelayMs: delay,
    trigger: oneOf(v.trigger, ['hover', 'click', 'modifier'] as const, DEFAULT_SETTINGS.trigger),
    language: oneOf(v.language, ['auto', 'zh', 'en'] as const, DEFAULT_SETTINGS.language),
    siteRules: rules,
  };
}

export const SETTINGS_VERSION = 2;

/**
 * Settings from what storage holds under `settings` and its version record `settings$` (the layout
 * @wxt-dev/storage uses), migrating an older version the same way the storage layer does.
 */
export function settingsFromStored(value: unknown, meta: unknown): Settings {
  if (value === undefined || value === null) return { ...DEFAULT_SETTINGS, categories: [...CATEGORIES], siteRules: {} };
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  const version = typeof v === 'number' ? v : 1;
  return sanitizeSettings(version < 2 ? migrateSettingsV1toV2(value) : value);
}
