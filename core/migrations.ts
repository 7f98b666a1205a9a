/**
 * Storage migrations, pure so they can be tested on their own. @wxt-dev/storage runs them when a stored
 * value's version is older than the item's.
 *
 * Settings v1 was the prototype's shape: the mode was `auto | all | manual` and per-site switches were
 * two lists, `alwaysSites` and `neverSites`. v2 names the modes as the interface does
 * (`speech | all | click`) and keeps one `siteRules` map.
 */
export function migrateSettingsV1toV2(v1: unknown): Record<string, unknown> {
  const old = (typeof v1 === 'object' && v1 !== null ? v1 : {}) as Record<string, unknown>;
  const { alwaysSites, neverSites, mode, ...rest } = old;
  const siteRules: Record<string, 'always' | 'never'> = {};
  if (Array.isArray(alwaysSites)) for (const h of alwaysSites) if (typeof h === 'string') siteRules[h] = 'always';
  if (Array.isArray(neverSites)) for (const h of neverSites) if (typeof h === 'string') siteRules[h] = 'never';
  const modes: Record<string, string> = { auto: 'speech', all: 'all', manual: 'click' };
  return { ...rest, mode: modes[String(mode)] ?? 'speech', siteRules };
}
