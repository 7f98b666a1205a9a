/**
 * The highlight rules, one per category, for highlight names drawn at each page load (the painter's).
 * Generated rather than a static stylesheet: a page that knew our names could restyle or hide our
 * highlights with rules of its own (`::highlight(tifa-ideology) { background: none !important }`).
 * Translucent backgrounds and underlines read on light and dark pages alike.
 * Every rule is on :root: a highlight pseudo-element inherits what its rules do not set from its parent
 * element's (CSS Pseudo-Elements 4, highlight inheritance, across shadow boundaries too), so the root's
 * style reaches every text on the page while the style engine matches these rules against one element,
 * not every one: restyling the 2 MB page for them takes about half as long (docs/performance.md).
 * Pure: no DOM.
 */

/** Background and underline colours (rgba arguments) of each category, in CATEGORIES' order. */
const COLOURS: ReadonlyArray<readonly [string, string]> = [
  ['214,48,49,.16', '214,48,49,.85'], // ideology
  ['232,67,147,.14', '232,67,147,.85'], // party
  ['9,132,227,.15', '9,132,227,.85'], // economy
  ['108,92,231,.15', '108,92,231,.85'], // governance
  ['0,184,148,.16', '0,160,128,.85'], // livelihood
  ['76,175,80,.18', '56,142,60,.85'], // ecology
  ['253,150,68,.2', '230,126,34,.9'], // local
  ['150,150,150,.18', '120,120,120,.9'], // idiom (dotted)
];

/**
 * The stylesheet for highlights named `names[category]`; also the fallback painter's <mark> elements.
 * The highlight style setting (`<html data-tifa-style>`, set only when it is not the default) drops the
 * background (underline) or the underline (tint).
 */
export function highlightRules(names: readonly string[]): string {
  let css =
    'mark[data-tifa-ui]{color:inherit;background-color:rgba(253,203,110,.3);text-decoration:underline 2px rgba(230,126,34,.9);text-underline-offset:3px}' +
    ':root[data-tifa-style=underline] mark[data-tifa-ui]{background-color:transparent}:root[data-tifa-style=tint] mark[data-tifa-ui]{text-decoration:none}';
  COLOURS.forEach(([background, line], c) => {
    const h = `::highlight(${names[c]})`;
    css +=
      `:root${h}{background-color:rgba(${background});text-decoration:underline 2px ${c === 7 ? 'dotted ' : ''}rgba(${line});text-underline-offset:3px}` +
      `:root[data-tifa-style=underline]${h}{background-color:transparent}:root[data-tifa-style=tint]${h}{text-decoration:none}`;
  });
  return css;
}
