import { useState } from 'preact/hooks';
import { analyzeText, type TextAnalysis } from '../core/text-analysis';
import type { CuratedEntry } from '../core/glossary-types';
import type { Lang } from '../core/ui-text';
import { glossary, pageMatcher } from '../runtime/glossary';
import { loadSegmenter } from '../runtime/segmenter';
import { askBackground } from '../runtime/messages';
import type { UserEntriesOutcome } from '../runtime/user-glossary';
import { PersonalEntryForm } from './PersonalEntryForm';
import { TermCountTable } from './TermCountTable';

/** Paste any text: its glossary terms, and phrases that look like formulas but are not in the glossary. */
export function AnalysisView({ lang, initialText = '' }: { lang: Lang; initialText?: string }) {
  const zh = lang === 'zh';
  const [text, setText] = useState(initialText);
  const [result, setResult] = useState<TextAnalysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[]>([]);
  const run = async () => {
    setBusy(true);
    const jieba = await loadSegmenter(glossary.entries.map((e) => e.term));
    const m = pageMatcher();
    setResult(analyzeText({ text, automaton: m.automaton, index: m.index, segment: (s) => jieba.cut(s, true) }));
    setBusy(false);
  };
  const save = async (entry: CuratedEntry): Promise<string | null> => {
    // The background writes it (the one writer), with the same checks as a glossary file's.
    const r = await askBackground<UserEntriesOutcome<unknown>>({ type: 'import-user-entries', name: 'personal entry', data: [entry] }).catch((err: unknown) => ({ ok: false as const, error: String(err) }));
    if (!r.ok) return r.error;
    setSaved([...saved, entry.term]);
    setAdding(null);
    return null;
  };
  return (
    <section aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">{zh ? '文本分析' : 'Text analysis'}</h2>
      <textarea class="paste" rows={8} value={text} placeholder={zh ? '在此粘贴文本…' : 'Paste text here…'} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <p>
        <button type="button" disabled={!text.trim() || busy} onClick={() => void run()}>
          {busy ? (zh ? '分词中…' : 'Segmenting…') : zh ? '分析' : 'Analyse'}
        </button>
      </p>
      {result ? (
        <div class="analysis">
          <TermCountTable terms={result.terms} caption={zh ? `词表中的提法（${result.totalMatches} 次）` : `Glossary terms (${result.totalMatches} occurrences)`} />
          <h3>{zh ? '像提法、但不在词表中的短语' : 'Formula-like phrases not in the glossary'}</h3>
          {result.unknown.length === 0 ? <p class="muted">{zh ? '没有发现。' : 'None found.'}</p> : null}
          <ul class="unknown">
            {result.unknown.map((u) => (
              <li key={u.phrase}>
                <span lang="zh-CN">{u.phrase}</span> <span class="muted">×{u.count} · {u.kinds.join(', ')}</span>{' '}
                {saved.includes(u.phrase) ? (
                  <span class="muted">{zh ? '已保存为个人条目' : 'saved as a personal entry'}</span>
                ) : adding === u.phrase ? (
                  <PersonalEntryForm phrase={u.phrase} lang={lang} onSave={save} onCancel={() => setAdding(null)} />
                ) : (
                  <button type="button" onClick={() => setAdding(u.phrase)}>
                    {zh ? '加为个人条目' : 'Add as personal entry'}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
