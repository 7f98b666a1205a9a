/**
 * The observable state on <html>, relied on by tests and outside tools. Keep names and meanings:
 * data-tifa-state = scanning | done (terms are highlighted) | off (nothing highlighted),
 * data-tifa-speech = true | false, data-tifa-matches = occurrences currently highlighted.
 */
export type PageState = 'scanning' | 'done' | 'off';

export function publishState(doc: Document, state: PageState, speech: boolean, matches: number): void {
  const html = doc.documentElement;
  if (!html) return;
  html.setAttribute('data-tifa-state', state);
  html.setAttribute('data-tifa-speech', String(speech));
  html.setAttribute('data-tifa-matches', String(matches));
}

/** The highlight style setting, as `data-tifa-style` on <html> (absent for the default or when off). */
export function publishStyle(doc: Document, style: string | null): void {
  const html = doc.documentElement;
  if (!html) return;
  if (style && style !== 'tint-underline') html.setAttribute('data-tifa-style', style);
  else html.removeAttribute('data-tifa-style');
}
