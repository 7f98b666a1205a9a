import type { Citation } from '../core/citations';
import { t, type Lang } from '../core/ui-text';

/**
 * The quoted sources that carry an entry's claims, folded under one line so the card stays short. Only
 * http(s) addresses become links: a personal entry's file could carry any scheme.
 */
export function CitationList({ citations, lang }: { citations: Citation[]; lang: Lang }) {
  if (citations.length === 0) return null;
  return (
    <details class="citations">
      <summary>
        {t(lang, 'sources')} ({citations.length})
      </summary>
      <ol>
        {citations.map((c) => (
          <li key={c.title + c.quote}>
            <div class="citation-title">
              {c.url && /^https?:\/\//i.test(c.url) ? (
                <a href={c.url} target="_blank" rel="noopener noreferrer">
                  {c.title}
                </a>
              ) : (
                c.title
              )}
              {c.date ? <span class="source"> · {c.date}</span> : null}
              {c.supports.filter((s) => s !== 'meaning').map((s) => (
                <span class="chip support" key={s}>
                  {t(lang, s === 'components' ? 'items' : s === 'origin' ? 'origin' : 'english')}
                </span>
              ))}
            </div>
            {c.quote ? <blockquote lang={/[\u4e00-\u9fff]/.test(c.quote) ? 'zh-CN' : 'en'}>{c.quote}</blockquote> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
