/** The bundled glossary for extension pages (popup, options): entries, lookups and the search index. */
import type { Entry, Glossary } from '../core/glossary-types';
import { buildSearchIndex, type SearchIndex } from '../core/search';
import glossaryJson from '../dictionary/generated/glossary.json';
import type { EntryView } from './messages';

export const glossary = glossaryJson as unknown as Glossary;
export const entriesById = new Map<string, Entry>(glossary.entries.map((e) => [e.id, e]));
export const termsById: Record<string, string> = Object.fromEntries(glossary.entries.map((e) => [e.id, e.term]));

let index: SearchIndex | null = null;
export function searchIndex(): SearchIndex {
  return (index ??= buildSearchIndex(glossary.entries));
}

export function entryView(id: string): EntryView | null {
  const entry = entriesById.get(id);
  if (!entry) return null;
  const ids = new Set(entry.examples.map((x) => x.speech));
  return { entry, speeches: glossary.speeches.filter((s) => ids.has(s.id)) };
}

import type { MatchIndex } from '../core/glossary-types';
import { createPageMatcher, type PageMatcher } from '../core/page-scan';
import matchIndexJson from '../dictionary/generated/match-index.json';

let matcher: PageMatcher | null = null;
/** The content script's matcher, for counting terms in pasted text. */
export function pageMatcher(): PageMatcher {
  return (matcher ??= createPageMatcher(matchIndexJson as MatchIndex));
}
