/**
 * The term card as the tests reach it. The card lives in a closed shadow root, which neither the page
 * nor Playwright's locators can enter; the DevTools protocol can (DOM.describeNode with `pierce`), so the
 * tests read the card through it, and press its buttons with real mouse clicks (trusted input, as the
 * reader's own: the card ignores synthetic clicks).
 */
import type { Page } from 'playwright-core';

/**
 * Run `fn(root, arg)` on the card's shadow root (in the page's main world, reached by the protocol only),
 * returning what it returns (JSON values); undefined when there is no card host on the page.
 */
export async function inCard<R, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: ':root > [data-tifa-ui="card"]' });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const result = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) throw new Error(`in the card: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The text of the first element matching `selector` in the card, or null (no card, or no such element). */
export async function cardText(page: Page, selector: string): Promise<string | null> {
  return (await inCard(page, (root, s) => root.querySelector(s)?.textContent ?? null, selector)) ?? null;
}

/** Whether the card shows an element matching `selector` (by default, a card at all). */
export async function cardHas(page: Page, selector = '.card'): Promise<boolean> {
  return (await inCard(page, (root, s) => root.querySelector(s) !== null, selector)) ?? false;
}

/** Wait until the card shows an element matching `selector` (by default, until a card is open). */
export async function waitForCard(page: Page, selector = '.card', timeout = 5000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await cardHas(page, selector))) {
    if (Date.now() > until) throw new Error(`no ${selector} in the card after ${timeout} ms`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
}

/** Click the centre of the first element matching `selector` in the card (scrolled into view), with the mouse (a trusted click). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const at = await inCard(
    page,
    (root, s) => {
      const el = root.querySelector(s);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' }); // within the card, which scrolls when taller than its room (centred: clear of its sticky footer)
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
  );
  if (!at) throw new Error(`no ${selector} in the card to click`);
  await page.mouse.click(at.x, at.y);
}
