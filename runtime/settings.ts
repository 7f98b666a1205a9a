/**
 * Typed, versioned settings in extension storage (@wxt-dev/storage). A corrupted value is replaced by
 * the defaults field by field, never by throwing. Shape, defaults and repair: core/settings.ts.
 * Written only by the background (extension pages ask it: runtime/messages.ts), in its write queue.
 */
import { storage } from '#imports';
import { inWriteQueue } from './write-queue';
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

/** A change of the settings (repaired like any stored value), in the background's write queue. */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  return inWriteQueue(async () => {
    const next = sanitizeSettings({ ...(await getSettings()), ...change });
    await settingsItem.setValue(next);
    return next;
  });
}

/** This site's rule (always / never / the default), in the background's write queue. */
export function setSiteRule(host: string, rule: SiteRule | null): Promise<Settings> {
  return inWriteQueue(async () => {
    const siteRules = { ...(await getSettings()).siteRules };
    if (rule) siteRules[host] = rule;
    else delete siteRules[host];
    const next = sanitizeSettings({ ...(await getSettings()), siteRules });
    await settingsItem.setValue(next);
    return next;
  });
}
