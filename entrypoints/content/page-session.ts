/**
 * One page's life with Tifa Reader: gate, scan, detect, paint, follow later content, and hand hits
 * to the card. Everything it needs from the extension comes in `deps`, so tests can drive it.
 */
import { detectSpeechPage, type Detection } from '../../core/detector';
import { CATEGORIES, type MatchIndex } from '../../core/glossary-types';
import { AutomatonTablesError } from '../../core/matcher';
import { chunkBlocks, entryCounts, headLength, loadPageMatcher, matchBlocks, pageSignals, type PageMatcher } from '../../core/page-scan';
import { blockOwnerOf, collectBlocks, isInline, locate, type Block, type Occurrence } from '../../core/text-model';
import type { PageTerms } from '../../runtime/messages';
import type { Settings } from '../../core/settings';
import { pageHasHan } from './han-gate';
import { createPainter, rangeOf, type Painted, type Painter } from './painter';
import { publishState, publishStyle } from './page-state';
import { readBlocks, type PageReading } from './page-reading';
import { afterNextPaint, inSlices } from './slices';
import { ViewportScope } from './viewport-scope';

export interface SessionDeps {
  doc: Document;
  index: MatchIndex;
  settings: Settings;
  /** The background's copy of the index, for when the automaton of `index` is unusable or turns out damaged. */
  soundIndex(): Promise<MatchIndex | null>;
  reportStatus(status: { matches: number; speech: boolean; highlighted: boolean }): void;
  /** Called when the session has painted occurrences, so hit-testing and cards can use them. */
  onPainted?(session: PageSession): void;
}

/** Text matched in one step (one automaton call over consecutive blocks): a few milliseconds, cold. */
const MATCH_CHUNK_CHARS = 32768;
/**
 * The head of a long page, matched and painted first: about ten screens of text, more than is on
 * screen or within a screen of it when the page is not scrolled, and under a millisecond to match.
 */
const HEAD_CHARS = 20000;

export class PageSession {
  readonly doc: Document;
  private readonly deps: SessionDeps;
  /** deps.index, or the background's copy once that had to replace it (see recoverMatcher). */
  private index: MatchIndex;
  private matcher: PageMatcher | null = null;
  private painter: Painter | null = null;
  /** With the Highlight API: which blocks are near the viewport (only theirs are registered). */
  private scope: ViewportScope | null = null;
  private blocks: Block[] = [];
  private textLength = 0;
  private occurrences: Occurrence[] = [];
  /** Painted occurrences grouped by block owner, for incremental updates (see groupsByOwner). */
  private paintedByOwner = new Map<Node, Painted[]>();
  /** Runs listed by paint and not yet grouped into paintedByOwner. */
  private pendingRuns: OwnerRun[] = [];
  private painted: Painted[] = [];
  /** Whether the first highlights have been registered (markRegistered). */
  private registered = false;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private abort = new AbortController();
  detection: Detection = { speech: false, score: 0, reasons: [] };
  highlighted = false;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    this.doc = deps.doc;
    this.index = deps.index;
  }

  get host(): string {
    return this.doc.location?.hostname ?? '';
  }

  get paintedOccurrences(): readonly Painted[] {
    return this.painted;
  }

  /**
   * Scan the page and highlight it if the settings say so. `force`: the user asked (popup, command).
   * `reading`: a walk of the page begun while the settings and the index were on their way.
   */
  async start(force = false, reading?: PageReading): Promise<void> {
    const { doc, settings } = this.deps;
    const rule = settings.siteRules[this.host];
    // A reading is begun only once the content script's own gate has found Han text: not asked twice.
    if (!doc.body || (!force && (rule === 'never' || (!reading && !pageHasHan(doc))))) {
      reading?.cancel();
      publishState(doc, 'off', false, 0);
      return;
    }
    this.abort.signal.addEventListener('abort', () => reading?.cancel());
    publishState(doc, 'scanning', false, 0);
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:scan-start');
    this.matcher = loadPageMatcher(this.index) ?? (await this.recoverMatcher());
    if (!this.matcher) {
      reading?.cancel();
      publishState(doc, 'off', false, 0);
      console.warn('[Tifa Reader] no usable glossary index; nothing highlighted on this page');
      return;
    }
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:matcher-built');
    const read = reading ? await reading.blocks : await readBlocks(doc.body, this.abort.signal);
    if (!read) return;
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:walked');
    this.blocks = read.blocks;
    this.textLength = read.textLength;
    const highlights = (d: Detection) => force || rule === 'always' || settings.mode === 'all' || (settings.mode === 'speech' && d.speech);
    const occurrences: Occurrence[] = [];
    // The visible part first: on a long page, the blocks at its top (on screen when it is not scrolled)
    // are matched and painted before the rest is, if the page's head already decides for highlighting.
    // The whole page's decision, once all of it is matched, confirms it or withdraws it.
    const head = headLength(this.blocks, HEAD_CHARS);
    let early = 0; // occurrences painted before the rest was matched
    let ok: boolean;
    try {
      ok = await this.matchInto(this.blocks.slice(0, head.blocks), occurrences);
      if (ok && head.blocks < this.blocks.length && doc.visibilityState !== 'hidden') {
        const headDetection = this.detect(occurrences, head.chars);
        if (highlights(headDetection)) {
          if (import.meta.env.TIFA_BENCH) performance.mark('tifa:matched');
          this.detection = headDetection;
          this.occurrences = occurrences;
          early = occurrences.length;
          await this.showHighlights(occurrences);
          if (import.meta.env.TIFA_BENCH) afterNextPaint(() => performance.mark('tifa:painted'), this.doc.defaultView);
          // The rest waits for that frame: its slices must not keep the frame waiting.
          await new Promise<void>((resolve) => afterNextPaint(resolve, this.doc.defaultView));
          if (this.abort.signal.aborted) return;
        }
      }
      if (ok) ok = await this.matchInto(this.blocks.slice(head.blocks), occurrences);
    } catch (error) {
      if (!(error instanceof AutomatonTablesError) || !(await this.recoverMatcher())) throw error;
      if (early > 0) this.unpaint();
      early = 0;
      occurrences.length = 0;
      ok = await this.matchInto(this.blocks, occurrences);
    }
    if (!ok) return;
    if (early === 0) {
      if (import.meta.env.TIFA_BENCH) performance.mark('tifa:matched');
      // Ask for a frame now, while detection and registration run: a frame that falls due during this
      // task then runs as soon as it ends, with the highlights in it, instead of at the next vsync
      // after it (on average half a frame later).
      this.doc.defaultView?.requestAnimationFrame?.(() => undefined);
    }
    this.occurrences = occurrences;
    this.detection = this.detect(occurrences, this.textLength);
    const auto = highlights(this.detection);
    if (early > 0 && !auto) await this.setHighlighting(false);
    else if (early > 0) {
      if (this.highlighted) {
        // The rest follows the head in the walk's order, as one paint of the whole list would have it.
        // Switched off and on meanwhile, the session may have painted part of it already.
        let rest = occurrences.slice(early);
        if (this.painted.length !== early) {
          const painted = new Set(this.painted);
          rest = rest.filter((o) => !painted.has(o));
        }
        await this.paint(rest, true);
      }
      this.publish();
    } else if (auto) await this.setHighlighting(true);
    else this.publish();
    // With the Highlight API, the ranges near the viewport are registered at the next frame's start
    // (ViewportScope.watch); the wrapping painter has registered them by now.
    if (this.painter?.kind !== 'highlight-api' || !this.highlighted) this.markRegistered();
    this.observe();
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:scanned');
    // For the benchmark: the first task after the next frame was painted.
    if (import.meta.env.TIFA_BENCH && early === 0) afterNextPaint(() => performance.mark('tifa:painted'), this.doc.defaultView);
  }

  /** Match blocks in slices, appending to `out`; false if stopped first. */
  private matchInto(blocks: readonly Block[], out: Occurrence[]): Promise<boolean> {
    const chunks = chunkBlocks(blocks, MATCH_CHUNK_CHARS);
    return inSlices(chunks.length, (i) => matchBlocks(this.matcher!, chunks[i]!, out), this.abort.signal);
  }

  private detect(occurrences: readonly Occurrence[], textLength: number): Detection {
    return detectSpeechPage(pageSignals({ host: this.host, title: this.doc.title, blocks: this.blocks, textLength, occurrences }));
  }

  /** Highlighting on: the painter made if need be and `list` painted (nothing published). */
  private async showHighlights(list: Occurrence[]): Promise<void> {
    this.highlighted = true;
    this.painter ??= createPainter(this.doc, this.index.categories);
    await this.paint(list);
  }

  /** For the benchmark: when the first highlights are registered. */
  private markRegistered(): void {
    if (this.registered) return;
    this.registered = true;
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:ranges-registered');
  }

  /** Turn highlighting on (paint every occurrence) or off (restore the page exactly). */
  async setHighlighting(on: boolean): Promise<void> {
    if (on === this.highlighted) return this.publish();
    this.highlighted = on;
    if (!on) {
      this.unpaint();
      this.publish();
      return;
    }
    if (!this.matcher) {
      // The page was gated off or switched off for the site; scan now, since the user asked.
      this.highlighted = false;
      await this.start(true);
      return;
    }
    publishState(this.doc, 'scanning', this.detection.speech, 0);
    await this.showHighlights(this.occurrences);
    this.publish();
  }

  /** Remove every highlight and forget what was painted. */
  private unpaint(): void {
    this.highlighted = false;
    this.painter?.clear();
    this.scope?.disconnect();
    this.painted = [];
    this.paintedByOwner.clear();
    this.pendingRuns = [];
  }

  /** Paint occurrences; `followsPainted`: they come after every painted one in document order. */
  private async paint(list: Occurrence[], followsPainted = false): Promise<void> {
    const painter = this.painter!;
    const categories = this.index.categories;
    const chosen = this.deps.settings.categories;
    const shown = CATEGORIES.map((c) => chosen.length === 0 || chosen.includes(c));
    // Indexed loops over occurrences here and below: this code runs cold, once per page, where `for…of`
    // allocates a result object per element (docs/performance.md). With every category shown (the
    // default) the list is painted as it is, uncopied: nothing changes it in place but appending.
    let fresh: Painted[] = list;
    if (!shown.every(Boolean)) {
      fresh = [];
      for (let i = 0; i < list.length; i++) if (shown[categories[list[i]!.entry]!]) fresh.push(list[i]!);
    }
    // Runs of consecutive occurrences with one block owner; grouping them by owner (a map over
    // thousands of elements) waits until after the first paint (groupsByOwner).
    const runs: OwnerRun[] = [];
    let run: OwnerRun | undefined;
    for (let i = 0; i < fresh.length; i++) {
      const owner = fresh[i]!.block.owner;
      if (run !== undefined && run.owner === owner) run.to = i + 1;
      else {
        run = { owner, list: fresh, from: i, to: i + 1 };
        runs.push(run);
      }
    }
    for (let i = 0; i < runs.length; i++) this.pendingRuns.push(runs[i]!);
    if (painter.kind === 'highlight-api') {
      // Register only what is on screen or near it; the rest follows as the reader scrolls.
      this.scope ??= new ViewportScope({ doc: this.doc, onChange: (entered, left) => this.onScopeChange(entered, left) });
      this.scope.watch(
        runs.map((r) => r.owner),
        (near) => {
          if (!this.highlighted || this.painter !== painter) return;
          const list: Painted[] = [];
          for (let n = 0; n < near.length; n++) {
            const run = runs[near[n]!]!;
            for (let i = run.from; i < run.to; i++) list.push(run.list[i]!);
          }
          painter.add(list);
          painter.show();
          this.markRegistered();
        },
      );
    } else {
      // The fallback wraps text in elements: every occurrence, in slices.
      const CHUNK = 200;
      await inSlices(Math.ceil(fresh.length / CHUNK), (c) => this.withoutObserving(() => painter.add(fresh.slice(c * CHUNK, (c + 1) * CHUNK))), this.abort.signal);
    }
    painter.show();
    // A first paint comes in document order (blocks are walked in order); later additions need sorting.
    // A copy: the runs index into `fresh`, and later paints sort `painted` in place.
    if (this.painted.length === 0) this.painted = fresh.slice();
    else {
      for (let i = 0; i < fresh.length; i++) this.painted.push(fresh[i]!);
      if (!followsPainted) this.sortPainted();
    }
    this.deps.onPainted?.(this);
  }

  /** Blocks came near the viewport or left it: register their highlights, or drop them. */
  private onScopeChange(entered: Node[], left: Node[]): void {
    const painter = this.painter;
    if (!painter || !this.highlighted) return;
    const groups = this.groupsByOwner();
    painter.remove(left.flatMap((owner) => groups.get(owner) ?? []));
    painter.add(entered.flatMap((owner) => groups.get(owner) ?? []));
    painter.show();
  }

  /** Painted occurrences by block owner, bringing in the runs listed since last asked. */
  private groupsByOwner(): Map<Node, Painted[]> {
    for (let r = 0; r < this.pendingRuns.length; r++) {
      const run = this.pendingRuns[r]!;
      let group = this.paintedByOwner.get(run.owner);
      if (!group) this.paintedByOwner.set(run.owner, (group = []));
      for (let i = run.from; i < run.to; i++) group.push(run.list[i]!);
    }
    this.pendingRuns = [];
    return this.paintedByOwner;
  }

  /** Show again what the page may have taken away (its highlights from CSS.highlights, our rules). */
  keepShown(): void {
    if (this.highlighted) this.painter?.show();
  }

  /** A range over a painted occurrence (for the card's anchor, scrolling and hit-testing). */
  rangeOf(p: Painted): Range {
    return this.painter?.rangeOf(p) ?? rangeOf(this.doc, p);
  }

  private sortPainted(): void {
    // Document order, for keyboard stepping.
    const nodeOf = (p: Painted) => locate(p.block, p.start, false).node;
    this.painted.sort((a, b) => {
      if (a.block === b.block) return a.start - b.start;
      return compareInComposedTree(nodeOf(a), nodeOf(b)) || a.start - b.start;
    });
  }

  private publish(): void {
    const matches = this.highlighted ? this.painted.length : 0;
    publishState(this.doc, this.highlighted ? 'done' : 'off', this.detection.speech, matches);
    publishStyle(this.doc, this.highlighted ? this.deps.settings.highlightStyle : null);
    this.deps.reportStatus({ matches: this.highlighted ? matches : this.occurrences.length, speech: this.detection.speech, highlighted: this.highlighted });
  }

  /** Our own DOM work (fallback painter) must not wake the observer. */
  private withoutObserving(work: () => void): void {
    if (!this.observer || this.painter?.kind !== 'wrap') return work();
    this.observer.disconnect();
    try {
      work();
    } finally {
      this.observer.takeRecords();
      this.observer.observe(this.doc.body, OBSERVE);
    }
  }

  private observe(): void {
    if (this.observer || !this.doc.body) return;
    const MO = (this.doc.defaultView?.MutationObserver ?? MutationObserver) as typeof MutationObserver;
    this.observer = new MO((records) => {
      const body = this.doc.body!;
      let removals = false;
      for (const r of records) {
        // A block element added or removed between other blocks changes only itself: rescanning its
        // parent (on many pages, the body and all its text) would redo the whole page for one line.
        if (r.type === 'childList' && !touchesParentText(r)) {
          // What was added is block elements (or whitespace): each is its own block owner.
          for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1 && blockOwnerOf(n, body)) this.dirty.add(n);
          if (r.removedNodes.length > 0) removals = true;
          continue;
        }
        const owner = blockOwnerOf(r.target, body);
        if (owner) this.dirty.add(owner);
      }
      if ((this.dirty.size > 0 || removals) && this.flushTimer === null) this.flushTimer = setTimeout(() => void this.flush(), 60);
    });
    this.observer.observe(this.doc.body, OBSERVE);
  }

  /** Rescan only the blocks whose content changed; drop what was removed. */
  private async flush(): Promise<void> {
    this.flushTimer = null;
    const dirty = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Keep only outermost dirty owners.
    const roots = dirty.filter((n) => !dirty.some((m) => m !== n && m.contains(n)));
    const stale = (owner: Node) => !owner.isConnected || roots.some((r) => r === owner || r.contains(owner));
    this.blocks = this.blocks.filter((b) => !stale(b.owner));
    this.occurrences = this.occurrences.filter((o) => !stale(o.block.owner));
    const removed: Painted[] = [];
    for (const [owner, group] of this.groupsByOwner()) {
      if (stale(owner)) {
        removed.push(...group);
        this.paintedByOwner.delete(owner);
      }
    }
    if (removed.length) {
      const gone = new Set(removed);
      this.withoutObserving(() => this.painter?.remove(removed));
      for (const owner of new Set(removed.map((p) => p.block.owner))) this.scope?.unwatch(owner);
      this.painted = this.painted.filter((p) => !gone.has(p));
    }
    const fresh: Occurrence[] = [];
    for (const root of roots) {
      const collected = collectBlocks(root);
      this.blocks.push(...collected.blocks);
      this.textLength += collected.textLength;
      try {
        matchBlocks(this.matcher!, collected.blocks, fresh);
      } catch (error) {
        // Damage met only now: the background's copy replaces the automaton if it is the same index
        // (occurrences already found name its entries); otherwise this new text stays unmatched.
        if (!(error instanceof AutomatonTablesError)) throw error;
        if (!(await this.recoverMatcher(this.index.digest))) {
          console.warn('[Tifa Reader] the glossary index is damaged; new text on this page is not matched');
          continue;
        }
        matchBlocks(this.matcher!, collected.blocks, fresh);
      }
    }
    for (let i = 0; i < fresh.length; i++) this.occurrences.push(fresh[i]!);
    if (this.highlighted && fresh.length) await this.paint(fresh);
    else if (this.highlighted) this.deps.onPainted?.(this);
    this.publish();
  }

  /**
   * The index's automaton was unusable, or matching found it damaged: take the background's copy of the
   * index (the bundled one, which the background then stores again in place of the damaged copy) and
   * its automaton. With `sameDigest`, only if that copy is the index already in use. Null when there is none.
   */
  private async recoverMatcher(sameDigest?: string): Promise<PageMatcher | null> {
    const sound = await this.deps.soundIndex();
    const matcher = sound && (sameDigest === undefined || sound.digest === sameDigest) ? loadPageMatcher(sound) : null;
    if (matcher) {
      this.index = matcher.index;
      this.matcher = matcher;
    }
    return matcher;
  }

  entryId(entry: number): string {
    return this.index.ids[entry]!;
  }

  entryIndex(id: string): number {
    return this.index.ids.indexOf(id);
  }

  pageTerms(): PageTerms {
    const { ids, terms } = this.index;
    return {
      url: this.doc.location?.href ?? '',
      speech: this.detection.speech,
      score: this.detection.score,
      highlighted: this.highlighted,
      terms: entryCounts(this.occurrences).map(([e, count]) => ({ id: ids[e]!, term: terms[e]!, count })),
    };
  }

  stop(): void {
    this.abort.abort();
    this.observer?.disconnect();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.painter?.clear();
    this.scope?.disconnect();
  }
}

/** Consecutive painted occurrences `list[from..to)` whose blocks share one owner. */
interface OwnerRun {
  owner: Node;
  list: Painted[];
  from: number;
  to: number;
}

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/**
 * Does this child-list change alter the text of its parent's own block? It does when a node added or
 * removed is text or inline, or when it sits next to text or inline content (which it splits or joins).
 * Block elements added or removed between other blocks (or whitespace) leave the parent's text alone.
 */
export function touchesParentText(r: MutationRecord): boolean {
  const inlineOrText = (n: Node | null): boolean => {
    if (!n) return false;
    if (n.nodeType === 3) return /\S/.test((n as Text).data);
    return n.nodeType === 1 && isInline(n as Element);
  };
  for (const n of [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]) if (n.nodeType === 3 || inlineOrText(n)) return true;
  const significant = (start: Node | null, step: (n: Node) => Node | null): Node | null => {
    let n = start;
    while (n && n.nodeType === 3 && !/\S/.test((n as Text).data)) n = step(n);
    return n;
  };
  const added = Array.from(r.addedNodes);
  const before = significant(r.previousSibling, (n) => n.previousSibling);
  const after = significant(r.nextSibling, (n) => n.nextSibling);
  // For an insertion, previousSibling/nextSibling may be missing when appended; look around the added nodes too.
  const first = added[0] ?? null;
  const last = added[added.length - 1] ?? null;
  const aroundAdded = [significant(first?.previousSibling ?? null, (n) => n.previousSibling), significant(last?.nextSibling ?? null, (n) => n.nextSibling)];
  return [before, after, ...aroundAdded].some(inlineOrText);
}

/**
 * Document order across shadow trees (Range.compareBoundaryPoints throws for nodes in different trees):
 * a shadow tree's content sits at its host's place, after the host's own light-DOM position.
 */
export function compareInComposedTree(a: Node, b: Node): number {
  if (a === b) return 0;
  const chain = (n: Node): Node[] => {
    const out = [n];
    for (let root = n.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) out.push(root.host);
    return out;
  };
  const ca = chain(a);
  const cb = chain(b);
  for (const x of ca) {
    const rootX = x.getRootNode();
    const y = cb.find((n) => n.getRootNode() === rootX);
    if (!y) continue;
    if (x === y) return ca.indexOf(x) - cb.indexOf(y) > 0 ? 1 : -1; // deeper in the host's shadow tree comes later
    const pos = x.compareDocumentPosition(y);
    if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return 0;
}
