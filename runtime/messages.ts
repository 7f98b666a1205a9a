/**
 * Messages between the extension's parts: a typed union keyed on `type`, checked at runtime on
 * receipt (a message is data from another context, never trusted blindly).
 */
import { browser } from '#imports';
import type { Entry, MatchIndex, Speech } from '../core/glossary-types';
import type { SearchResult } from '../core/search';
import { LIMITS } from '../core/vocabulary';
import { MAX_IMPORT_BYTES } from '../core/export-formats';

/** Sent to the background by the content script, popup and options pages. */
export type BackgroundRequest =
  | { type: 'get-entry'; id: string }
  /** The content script prefetches the entries of a page's terms, so a card opens without a round trip. */
  | { type: 'get-entries'; ids: string[] }
  /** A content script that found no match index in storage. */
  | { type: 'get-match-index' }
  | { type: 'search'; query: string; limit?: number }
  | { type: 'page-status'; matches: number; speech: boolean; highlighted: boolean }
  | { type: 'save-term'; id: string; url: string; title: string; sentence: string }
  // From extension pages only (the background checks the sender): every write goes through the background's queue.
  /** Restore a JSON backup (the file's text): all of it or nothing. */
  | { type: 'restore-backup'; text: string }
  /** Delete vocabulary items (by entry id and page address), or all of them; answers what was removed. */
  | { type: 'delete-vocabulary'; keys: Array<{ id: string; url: string }> | 'all' }
  /** Put deleted items back (undo). */
  | { type: 'undo-delete-vocabulary'; items: unknown[] }
  /** Delete personal entries by id, or all of them; answers what was removed. */
  | { type: 'delete-user-entries'; ids: string[] | 'all' }
  | { type: 'undo-delete-user-entries'; entries: unknown[] }
  /** Change settings (repaired by sanitizeSettings), a site's rule, or grade a review card. */
  | { type: 'update-settings'; change: Record<string, unknown> }
  | { type: 'set-site-rule'; host: string; rule: 'always' | 'never' | null }
  | { type: 'grade'; id: string; rating: 1 | 2 | 3 | 4 }
  /** Import a personal glossary file (parsed JSON): adds entries or overrides those with the same id. */
  | { type: 'import-user-entries'; name: string; data: unknown };

/**
 * The answer to `save-term`: saved, or why not, in both interface languages (the background writes the
 * words, so they cost the content script nothing).
 */
export type SaveOutcome = { ok: true } | { ok: false; message: { zh: string; en: string } };

/** An entry with the metadata of the speeches its examples come from. */
export interface EntryView {
  entry: Entry;
  speeches: Speech[];
}

export type BackgroundResponse<T extends BackgroundRequest['type']> = T extends 'get-entry'
  ? EntryView | null
  : T extends 'get-entries'
  ? EntryView[]
  : T extends 'get-match-index'
  ? MatchIndex
  : T extends 'search'
    ? SearchResult[]
    : T extends 'save-term'
      ? SaveOutcome
      : T extends 'page-status'
        ? void
        : never;

/** Sent to a tab's content script by the background or the popup. */
export type TabRequest =
  | { type: 'set-highlighting'; on: boolean }
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'get-page-terms' }
  | { type: 'reveal-term'; id: string }
  | { type: 'open-card'; id: string };

export interface PageTerms {
  url: string;
  speech: boolean;
  score: number;
  highlighted: boolean;
  terms: Array<{ id: string; term: string; count: number }>;
}

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'get-entry':
      return typeof r.id === 'string' && r.id.length < 200;
    case 'get-match-index':
      return true;
    case 'get-entries':
      return Array.isArray(r.ids) && r.ids.length <= 1000 && r.ids.every((id) => typeof id === 'string' && id.length < 200);
    case 'search':
      return typeof r.query === 'string' && r.query.length < 500 && (r.limit === undefined || typeof r.limit === 'number');
    case 'page-status':
      return typeof r.matches === 'number' && typeof r.speech === 'boolean' && typeof r.highlighted === 'boolean';
    case 'save-term':
      // The limits of what is stored (core/vocabulary.ts): a longer title or sentence is cut there, a longer address refused here.
      return (
        typeof r.id === 'string' && r.id.length <= LIMITS.id &&
        typeof r.url === 'string' && r.url.length <= LIMITS.url &&
        typeof r.title === 'string' && r.title.length < 4 * LIMITS.title &&
        typeof r.sentence === 'string' && r.sentence.length < 4 * LIMITS.sentence
      );
    case 'restore-backup':
      // Characters, not bytes: a file of MAX_IMPORT_BYTES has at most that many.
      return typeof r.text === 'string' && r.text.length <= MAX_IMPORT_BYTES;
    case 'delete-vocabulary':
      return (
        r.keys === 'all' ||
        (Array.isArray(r.keys) && r.keys.length <= LIMITS.items && r.keys.every((k) => typeof k === 'object' && k !== null && typeof k.id === 'string' && typeof k.url === 'string'))
      );
    case 'undo-delete-vocabulary':
      return Array.isArray(r.items) && r.items.length <= LIMITS.items;
    case 'delete-user-entries':
      return r.ids === 'all' || (Array.isArray(r.ids) && r.ids.length <= 10000 && r.ids.every((id) => typeof id === 'string'));
    case 'undo-delete-user-entries':
      return Array.isArray(r.entries) && r.entries.length <= 10000;
    case 'update-settings':
      return typeof r.change === 'object' && r.change !== null && !Array.isArray(r.change);
    case 'set-site-rule':
      return typeof r.host === 'string' && r.host.length < 300 && (r.rule === 'always' || r.rule === 'never' || r.rule === null);
    case 'grade':
      return typeof r.id === 'string' && r.id.length <= LIMITS.id && (r.rating === 1 || r.rating === 2 || r.rating === 3 || r.rating === 4);
    case 'import-user-entries':
      return typeof r.name === 'string' && r.name.length < 100 && 'data' in r;
    default:
      return false;
  }
}

export function isTabRequest(m: unknown): m is TabRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'set-highlighting':
      return typeof r.on === 'boolean';
    case 'step':
      return r.direction === 1 || r.direction === -1;
    case 'get-page-terms':
      return true;
    case 'reveal-term':
    case 'open-card':
      return typeof r.id === 'string' && r.id.length < 200;
    default:
      return false;
  }
}

/** For extension pages: a request to the background (the one writer), with its answer. */
export function askBackground<T>(request: BackgroundRequest): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}
