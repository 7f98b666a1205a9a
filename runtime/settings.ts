/**
 * Typed, versioned settings in extension storage (@wxt-dev/storage). A corrupted value is replaced by
 * the defaults field by field, never by throwing. Shape, defaults and repair: core/settings.ts.
 */
import { storage } from '#imports';
import { migrateSettingsV1toV2 } from '../core/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, sanitizeSettings, type Settings, type SiteRule } from '../core/settings';

export * from '../core/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: (v1: unknown) => sanitizeSettings(migrateSettingsV1toV2(v1)) },
});

export async function getSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await settingsItem.getValue());
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export async function setSiteRule(host: string, rule: SiteRule | null): Promise<Settings> {
  const current = await getSettings();
  const siteRules = { ...current.siteRules };
  if (rule) siteRules[host] = rule;
  else delete siteRules[host];
  return updateSettings({ siteRules });
}
