import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { termReportCsv } from '../core/export-formats';
import { countTerms, type TermCount } from '../core/text-analysis';
import type { Lang } from '../core/ui-text';
import { entriesById, pageMatcher } from '../runtime/glossary';
import type { PageTerms } from '../runtime/messages';
import { downloadText } from './download';
import { TermCountTable } from './TermCountTable';

/** The tifa count an analyst makes by hand: terms of a page or a pasted text, sorted, as CSV. */
export function ReportView({ lang, tabId }: { lang: Lang; tabId: number | null }) {
  const zh = lang === 'zh';
  const [text, setText] = useState('');
  const [page, setPage] = useState<PageTerms | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    void browser.tabs.sendMessage(tabId, { type: 'get-page-terms' }).then((r) => setPage(r as PageTerms), () => setPage(null));
  }, [tabId]);
  const terms: TermCount[] = useMemo(() => {
    if (text.trim()) {
      const m = pageMatcher();
      return countTerms(text, m.automaton, m.index);
    }
    return page?.terms ?? [];
  }, [text, page]);
  const total = terms.reduce((n, t) => n + t.count, 0);
  const idByTerm = new Map(terms.map((t) => [t.term, t.id]));
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{zh ? '页面报告' : 'Page report'}</h2>
      <p class="muted">
        {zh ? '粘贴讲话全文，或从工具栏弹窗打开当前页面的报告。' : 'Paste a speech, or open the report of the current page from the toolbar popup.'}
        {page && !text.trim() ? ` ${page.url}` : ''}
      </p>
      <textarea class="paste" rows={6} value={text} placeholder={zh ? '在此粘贴文本…' : 'Paste text here…'} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <p>
        {zh ? `共 ${terms.length} 个提法，出现 ${total} 次。` : `${terms.length} terms, ${total} occurrences.`}{' '}
        <button type="button" disabled={terms.length === 0} onClick={() => downloadText('tifa-report.csv', termReportCsv(terms, entriesById, (t) => idByTerm.get(t)), 'text/csv')}>
          {zh ? '导出 CSV' : 'Export CSV'}
        </button>
      </p>
      <TermCountTable terms={terms} caption={zh ? '提法与出现次数' : 'Terms and counts'} />
    </section>
  );
}
