/**
 * Background: answers lookups, keeps the badge, and wires menus, omnibox and commands. It is the one
 * writer of the reader's data (vocabulary, personal entries, settings, review, restores), through its write queue
 * (runtime/write-queue.ts), and bounds what any tab can write (core/vocabulary.ts, a rate limit per tab).
 */
import { browser, defineBackground } from '#imports';
import { search } from '../core/search';
import { entriesById as byId, entryView, searchIndex as getSearchIndex } from '../runtime/glossary';
import { RateLimit } from '../core/rate-limit';
import { sanitizeVocabulary, sanitizeVocabularyItem } from '../core/vocabulary';
import { restoreBackup } from '../runtime/backup';
import { grade } from '../runtime/review';
import { setSiteRule, updateSettings, type Settings } from '../runtime/settings';
import { isBackgroundRequest, type SaveOutcome } from '../runtime/messages';
import { deleteUserEntries, importUserEntries, restoreUserEntries } from '../runtime/user-glossary';
import { addToVocabulary, deleteFromVocabulary, restoreVocabularyItems, saveFailureMessage } from '../runtime/vocabulary';
import { bundledMatchIndex, publishMatchIndex } from '../runtime/match-index-store';

const searchIndex = getSearchIndex();
const knownIds = new Set(byId.keys());
/** Saves per tab: 20 a minute is more than a reader's hand makes, and far less than a page's loop did (622 items). */
const savesPerTab = new RateLimit(20, 60_000);

/** Is the sender one of our own pages (options, popup)? Restores and deletes come only from there, never from a tab's content script. */
function fromExtensionPage(sender: { id?: string; url?: string }): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

export default defineBackground({
  type: 'module',
  main() {
    void publishMatchIndex().catch((err) => console.warn('[Tifa Reader] could not store the match index:', err));
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!isBackgroundRequest(message)) return undefined;
      switch (message.type) {
        case 'get-entry':
          return Promise.resolve(entryView(message.id));
        case 'get-match-index':
          // Asked when a page found the stored copy missing, unusable or damaged: store it again.
          void publishMatchIndex().catch(() => undefined);
          return Promise.resolve(bundledMatchIndex());
        case 'get-entries':
          return Promise.resolve(message.ids.map(entryView).filter((v): v is NonNullable<typeof v> => v !== null));
        case 'search':
          return Promise.resolve(search(searchIndex, message.query, message.limit ?? 20));
        case 'page-status': {
          const tabId = sender.tab?.id;
          if (tabId === undefined || sender.frameId !== 0) return undefined;
          const text = message.matches > 0 ? String(Math.min(message.matches, 9999)) : '';
          // MV3 has `action`; Firefox's MV2 build has `browserAction`.
          const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
          void action.setBadgeText({ tabId, text });
          void action.setBadgeBackgroundColor({ tabId, color: message.highlighted ? '#b3261e' : '#7a7466' });
          return undefined;
        }
        case 'save-term': {
          const entry = byId.get(message.id);
          const fail = (reason: Parameters<typeof saveFailureMessage>[0]): Promise<SaveOutcome> => Promise.resolve({ ok: false, message: saveFailureMessage(reason) });
          if (!entry) return fail('unknown-entry');
          if (!fromExtensionPage(sender) && !savesPerTab.allow(sender.tab?.id ?? -1, Date.now())) return fail('rate');
          // Cut and checked as stored (core/vocabulary.ts): what a tab sends is data, never trusted.
          const item = sanitizeVocabularyItem({ id: entry.id, term: entry.term, savedAt: new Date().toISOString(), url: message.url, title: message.title, sentence: message.sentence });
          if (!item) return fail('failed');
          return addToVocabulary(item).then((r): SaveOutcome => (r.ok ? { ok: true } : { ok: false, message: saveFailureMessage(r.reason) }));
        }
        case 'restore-backup':
          return fromExtensionPage(sender) ? restoreBackup(message.text, knownIds) : undefined;
        case 'delete-vocabulary':
          return fromExtensionPage(sender) ? deleteFromVocabulary(message.keys) : undefined;
        case 'undo-delete-vocabulary':
          return fromExtensionPage(sender) ? restoreVocabularyItems(sanitizeVocabulary(message.items) ?? []) : undefined;
        case 'update-settings':
          return fromExtensionPage(sender) ? updateSettings(message.change as Partial<Settings>) : undefined;
        case 'set-site-rule':
          return fromExtensionPage(sender) ? setSiteRule(message.host, message.rule) : undefined;
        case 'grade':
          return fromExtensionPage(sender) ? grade(message.id, message.rating) : undefined;
        case 'import-user-entries':
          return fromExtensionPage(sender) ? importUserEntries(message.name, message.data, knownIds) : undefined;
        case 'delete-user-entries':
          return fromExtensionPage(sender) ? deleteUserEntries(message.ids) : undefined;
        case 'undo-delete-user-entries':
          return fromExtensionPage(sender) ? restoreUserEntries(message.entries) : undefined;
        default:
          return undefined;
      }
    });

    browser.tabs.onRemoved.addListener((tabId) => savesPerTab.forget(tabId));
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({ id: 'explain-selection', title: browser.i18n.getMessage('menuExplain') || '解释“%s”', contexts: ['selection'] });
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== 'explain-selection' || !info.selectionText) return;
      void explainSelection(info.selectionText, tab?.id);
    });
    // The end-to-end tests call this in the service worker: headless Chromium has no menus to click.
    (globalThis as unknown as { tifaExplainSelection: typeof explainSelection }).tifaExplainSelection = explainSelection;

    browser.commands.onCommand.addListener(async (command) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      if (command === 'next-term' || command === 'previous-term') {
        await browser.tabs.sendMessage(tab.id, { type: 'step', direction: command === 'next-term' ? 1 : -1 }).catch(() => undefined);
      } else if (command === 'toggle-highlights') {
        const status = (await browser.tabs.sendMessage(tab.id, { type: 'get-page-terms' }).catch(() => null)) as { highlighted: boolean } | null;
        if (status) await browser.tabs.sendMessage(tab.id, { type: 'set-highlighting', on: !status.highlighted }).catch(() => undefined);
      }
    });

    browser.omnibox.onInputChanged.addListener((text, suggest) => {
      suggest(
        search(searchIndex, text, 6).map((r) => {
          const e = byId.get(r.id)!;
          return { content: e.term, description: escapeOmnibox(`${e.term} ${e.pinyin} — ${e.summary_zh}`) };
        }),
      );
    });
    browser.omnibox.onInputEntered.addListener((text) => {
      const best = search(searchIndex, text, 1)[0];
      if (best) openEntryPage(best.id);
      else void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#explain=${encodeURIComponent(text.slice(0, 2000))}`) });
    });
  },
});

/** “Explain this selection”: a known term opens its card in the page; anything else, the explain view. */
async function explainSelection(text: string, tabId: number | undefined): Promise<'card' | 'entry-page' | 'explain'> {
  const best = search(searchIndex, text, 1)[0];
  const exact = best && (best.via === 'term' || best.via === 'variant');
  if (exact && tabId !== undefined) {
    const shown = await browser.tabs.sendMessage(tabId, { type: 'open-card', id: best.id }).catch(() => false);
    if (shown) return 'card';
    openEntryPage(best.id);
    return 'entry-page';
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#explain=${encodeURIComponent(text.slice(0, 2000))}`) });
  return 'explain';
}

function openEntryPage(id: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#entry/${encodeURIComponent(id)}`) });
}

/** Omnibox descriptions are XML in Chrome: escape the data. */
function escapeOmnibox(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
