/** Background: answers lookups, keeps the badge, saves vocabulary, and wires menus, omnibox and commands. */
import { browser, defineBackground } from '#imports';
import { search } from '../core/search';
import { entriesById as byId, entryView, searchIndex as getSearchIndex } from '../runtime/glossary';
import { isBackgroundRequest } from '../runtime/messages';
import { addToVocabulary } from '../runtime/vocabulary';
import { bundledMatchIndex, publishMatchIndex } from '../runtime/match-index-store';

const searchIndex = getSearchIndex();

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
          if (!entry) return Promise.resolve({ ok: false, message: { zh: '未能加入生词本：词表中没有这个条目。', en: 'Not saved: the glossary has no such entry.' } });
          return addToVocabulary({
            id: entry.id,
            term: entry.term,
            savedAt: new Date().toISOString(),
            url: message.url,
            title: message.title,
            sentence: message.sentence,
          }).then(() => ({ ok: true }));
        }
        default:
          return undefined;
      }
    });

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
