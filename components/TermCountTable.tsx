import type { TermCount } from '../core/text-analysis';

/** Terms with their counts, most frequent first; each links to its entry page. */
export function TermCountTable({ terms, caption }: { terms: TermCount[]; caption: string }) {
  return (
    <table class="glossary counts">
      <caption>{caption}</caption>
      <tbody>
        {terms.map((t) => (
          <tr key={t.id}>
            <td lang="zh-CN">
              <a href={`#entry/${t.id}`}>{t.term}</a>
            </td>
            <td class="count">{t.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
