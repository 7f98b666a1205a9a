/** Content script entry: wires the page session, the reader and the card to the extension. */
// First: when the bundle began to run (for the benchmark's "ours").
import { SCRIPT_START } from './script-start';
import { browser, defineContentScript } from '#imports';
import { resolveLang } from '../../core/ui-text';
import { isTabRequest, type BackgroundRequest, type EntryView, type SaveOutcome } from '../../runtime/messages';
import { DIRECT_MATCHES, takeHandoff } from '../../runtime/gate-handoff';
import { indexFromBackground, loadPageData } from '../../runtime/page-data';
import { CardHost } from './card-host';
import { EntryCache, whenIdle } from './entry-cache';
import { pageHasHan } from './han-gate';
import { beginReading } from './page-reading';
import { PageSession } from './page-session';
import { publishState } from './page-state';
import { Reader } from './reader';

export default defineContentScript({
  // Declared for these hosts; elsewhere the gate imports it (runtime/gate-handoff.ts, wxt.config.ts).
  matches: DIRECT_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  // WXT would also announce each start to the page with window.postMessage: the message carried the
  // extension's id, and a page's message listener that expects only its own messages could throw on it
  // (tests/e2e/hostile.test.ts). WXT's own signal, an event on the document under a name containing our
  // id, is enough to stop an older copy of this script.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT stops an older copy of this script when a newer one dispatches an event on the document whose
    // name holds our id; a page can dispatch it too (the id is public for a store extension), and that
    // switched the reader off. A newer copy exists only once this one's extension is gone (an update or
    // a reload), so the event counts only then. Set before anything can run: main is called at once.
    ctx.verifyScriptStartedEvent = () => ctx.isInvalid;
    /**
     * A message to the background that throws nothing into the page when the extension is gone (after an
     * update the old copy stays on open pages): asking ctx.isValid then tears this copy down
     * (ctx.onInvalidated below), and the answer never comes.
     */
    const send = <T>(message: BackgroundRequest): Promise<T> => {
      try {
        if (ctx.isValid) return (browser.runtime.sendMessage(message) as Promise<T>).catch((err) => (ctx.isValid ? Promise.reject(err) : ctx.block()));
      } catch (err) {
        if (ctx.isValid) return Promise.reject(err);
      }
      return ctx.block();
    };
    // Imported by the gate (./gate.ts) where the page has Chinese text, with the storage
    // read begun while this script was on its way; or declared directly (DIRECT_MATCHES), and then
    // the gate's test is made here.
    const handoff = takeHandoff();
    if (!handoff) {
      if (import.meta.env.TIFA_BENCH) performance.mark('tifa:start', { startTime: SCRIPT_START });
      if (!pageHasHan(document)) return;
    }
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:reader-start');
    const data = loadPageData(handoff?.stored);
    const reading = beginReading(document);
    const { settings, index: matchIndex } = await data;
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:data-loaded');
    if (!matchIndex) {
      reading.cancel();
      publishState(document, 'off', false, 0);
      console.warn('[Tifa Reader] no glossary index available; nothing highlighted on this page');
      return;
    }
    const relatedTerms = Object.fromEntries(matchIndex.ids.map((id, i) => [id, matchIndex.terms[i]!]));
    const entries = new EntryCache(
      (ids) => send<EntryView[]>({ type: 'get-entries', ids }),
      (first) => whenIdle(() => card.prewarm(first)),
    );
    const card = new CardHost({
      doc: document,
      lang: resolveLang(settings.language, navigator.language),
      relatedTerms,
      cachedEntry: (id) => entries.get(id),
      loadEntry: (id) => send<EntryView | null>({ type: 'get-entry', id }),
      // The background says why a save failed (storage full, too many saves…); this is for a failure with no answer.
      saveTerm: (id, sentence) =>
        send<SaveOutcome>({ type: 'save-term', id, url: location.href, title: document.title, sentence }).catch(() => ({ ok: false, message: { zh: '未能加入生词本。', en: 'Not saved.' } }) as const),
    });
    let reader: Reader | null = null;
    const session = new PageSession({
      doc: document,
      index: matchIndex,
      settings,
      soundIndex: indexFromBackground,
      reportStatus: (status) => void send({ type: 'page-status', ...status }).catch(() => undefined),
      onPainted: (s) => {
        reader?.refresh();
        // Out of the way of the first paint (and of the frame that shows it): the card's entries and
        // the hit index when the page is idle.
        whenIdle(() => entries.prefetch(s.pageTerms().terms.map((t) => t.id)));
        whenIdle(() => reader?.prepare());
      },
    });
    reader = new Reader(session, card, settings, () => ctx.isValid);
    reader.attach();

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isTabRequest(message)) return undefined;
      switch (message.type) {
        case 'set-highlighting':
          return session.setHighlighting(message.on).then(() => {
            if (!message.on) card.destroy();
            return session.pageTerms();
          });
        case 'step':
          reader?.step(message.direction);
          return Promise.resolve(true);
        case 'get-page-terms':
          return Promise.resolve(session.pageTerms());
        case 'reveal-term':
        case 'open-card':
          return (session.highlighted ? Promise.resolve() : session.setHighlighting(true)).then(() => reader?.reveal(message.id) ?? false);
        default:
          return undefined;
      }
    });
    // The extension is gone (update, reload): highlights, card and listeners go with it, and the page
    // says so. (The onMessage listener stays: nothing can reach it any more.)
    ctx.onInvalidated(() => {
      session.stop();
      reader?.detach();
      publishState(document, 'off', false, 0);
    });
    try {
      await session.start(false, reading);
    } catch (err) {
      // Never let our failure surface as the page's error; leave the page as it was and say so.
      session.stop();
      publishState(document, 'off', false, 0);
      console.warn('[Tifa Reader] stopped on this page:', err);
    }
  },
});
