/** Typed, versioned storage: migrations, corrupted values, concurrent saves, backup round trip. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettingsV1toV2 } from '../../core/migrations';

beforeEach(() => {
  fakeBrowser.reset();
});

const item = (over: Partial<Record<string, string>> = {}) => ({ id: 'si-ge-yi-shi', term: '四个意识', savedAt: '2026-01-01T00:00:00.000Z', url: 'http://127.0.0.1/a', title: 'A', sentence: '增强“四个意识”。', ...over });

describe('settings migration v1 → v2', () => {
  it('maps the prototype shape to the current one (pure)', () => {
    expect(migrateSettingsV1toV2({ mode: 'manual', alwaysSites: ['a.gov.cn'], neverSites: ['b.com'], hoverDelayMs: 500 })).toEqual({
      mode: 'click',
      siteRules: { 'a.gov.cn': 'always', 'b.com': 'never' },
      hoverDelayMs: 500,
    });
    expect(migrateSettingsV1toV2(null)).toEqual({ mode: 'speech', siteRules: {} });
  });
  it('runs through @wxt-dev/storage on a stored v1 value', async () => {
    await fakeBrowser.storage.local.set({ settings: { mode: 'auto', neverSites: ['x.com'], hoverDelayMs: 120 }, settings$: { v: 1 } });
    const { getSettings, settingsItem } = await import('../../runtime/settings');
    await settingsItem.migrate();
    const s = await getSettings();
    expect(s.mode).toBe('speech');
    expect(s.siteRules).toEqual({ 'x.com': 'never' });
    expect(s.hoverDelayMs).toBe(120);
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toMatchObject({ v: 2 });
  });
  it('repairs a corrupted settings value field by field', async () => {
    const { sanitizeSettings, DEFAULT_SETTINGS } = await import('../../runtime/settings');
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ mode: 'all', hoverDelayMs: 'soon', siteRules: { 'a.cn': 'always', 'b.cn': 'maybe' } })).toMatchObject({ mode: 'all', hoverDelayMs: 300, siteRules: { 'a.cn': 'always' } });
  });
});

describe('vocabulary', () => {
  it('recovers from a corrupted stored value using the backup copy', async () => {
    const { addToVocabulary, getVocabulary } = await import('../../runtime/vocabulary');
    await addToVocabulary(item());
    await fakeBrowser.storage.local.set({ vocabulary: '{{{corrupted' });
    expect(await getVocabulary()).toEqual([item()]);
  });
  it('keeps only web addresses: a javascript: or data: URL from an imported file is dropped', async () => {
    const { sanitizeVocabulary } = await import('../../runtime/vocabulary');
    const items = sanitizeVocabulary([item({ url: 'javascript:alert(1)' }), item({ id: 'b', url: 'DATA:text/html,<script>' }), item({ id: 'c', url: 'https://www.gov.cn/a' })]);
    expect(items!.map((v) => v.url)).toEqual(['', '', 'https://www.gov.cn/a']);
  });
  it('loses nothing when two saves arrive at the same moment', async () => {
    const { addToVocabulary, getVocabulary } = await import('../../runtime/vocabulary');
    await Promise.all(Array.from({ length: 20 }, (_, i) => addToVocabulary(item({ id: `t${i}`, url: `http://127.0.0.1/${i}` }))));
    expect((await getVocabulary()).map((v) => v.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
  });
});

describe('the one writer', () => {
  it('writes both copies in one set: a quota error writes neither, and is an outcome, not a throw', async () => {
    const { addToVocabulary, getVocabulary } = await import('../../runtime/vocabulary');
    await addToVocabulary(item());
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('Resource::kQuotaBytes quota exceeded'));
    const r = await addToVocabulary(item({ id: 'b', url: 'http://127.0.0.1/b' }));
    fakeBrowser.storage.local.set = set;
    expect(r).toMatchObject({ ok: false, reason: 'quota' });
    const stored = await fakeBrowser.storage.local.get(['vocabulary', 'vocabularyBackup']);
    expect(stored.vocabulary).toEqual([item()]);
    expect(stored.vocabularyBackup).toEqual(stored.vocabulary);
    expect(await getVocabulary()).toEqual([item()]);
  });
  it('a restore replaces everything, and saves arriving during it land on top of it, none lost', async () => {
    const { addToVocabulary, getVocabulary } = await import('../../runtime/vocabulary');
    const { restoreBackup } = await import('../../runtime/backup');
    const backup = JSON.stringify({ format: 'tifa-reader-backup', version: 1, exportedAt: '', settings: {}, vocabulary: [item({ id: 'r', url: 'http://127.0.0.1/r' })], review: {}, userEntries: [] });
    const before = Array.from({ length: 5 }, (_, i) => addToVocabulary(item({ id: `a${i}`, url: `http://127.0.0.1/a${i}` })));
    const restored = restoreBackup(backup, new Set());
    const after = Array.from({ length: 5 }, (_, i) => addToVocabulary(item({ id: `b${i}`, url: `http://127.0.0.1/b${i}` })));
    await Promise.all([...before, restored, ...after]);
    expect((await getVocabulary()).map((v) => v.id)).toEqual(['r', 'b0', 'b1', 'b2', 'b3', 'b4']);
  });
});

describe('backup', () => {
  it('round-trips exactly through export and import', async () => {
    const { addToVocabulary } = await import('../../runtime/vocabulary');
    const { updateSettings } = await import('../../runtime/settings');
    const { grade } = await import('../../runtime/review');
    const { collectBackup, restoreBackup } = await import('../../runtime/backup');
    await addToVocabulary(item());
    await updateSettings({ mode: 'all', siteRules: { 'www.gov.cn': 'always' } });
    await grade('si-ge-yi-shi', 3, new Date('2026-01-02T00:00:00Z'));
    const exported = await collectBackup(new Date('2026-02-01T00:00:00Z'));
    const text = JSON.stringify(exported);
    fakeBrowser.reset();
    const r = await restoreBackup(text, new Set(['si-ge-yi-shi']));
    expect(r).toMatchObject({ ok: true, vocabulary: 1 });
    expect(JSON.stringify(await collectBackup(new Date('2026-02-01T00:00:00Z')))).toBe(text);
  });
  it('changes nothing when the backup is bad', async () => {
    const { addToVocabulary, getVocabulary } = await import('../../runtime/vocabulary');
    const { restoreBackup } = await import('../../runtime/backup');
    await addToVocabulary(item());
    const bad = JSON.stringify({ format: 'tifa-reader-backup', version: 1, vocabulary: [], userEntries: [{ id: 'Bad Id', term: 'x' }] });
    const r = await restoreBackup(bad, new Set());
    expect(r.ok).toBe(false);
    expect(await getVocabulary()).toEqual([item()]);
  });
});
