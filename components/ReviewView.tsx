import { useEffect, useState } from 'preact/hooks';
import { Rating, type Grade } from 'ts-fsrs';
import type { Lang } from '../core/ui-text';
import { entriesById } from '../runtime/glossary';
import { askBackground } from '../runtime/messages';
import { dueIds, getReview } from '../runtime/review';
import type { VocabularyItem } from '../runtime/vocabulary';

/**
 * Spaced repetition (ts-fsrs) over the saved terms: term → meaning; for a numbered formula, an items
 * quiz first (四个意识 → recall the four).
 */
export function ReviewView({ vocabulary, lang }: { vocabulary: VocabularyItem[]; lang: Lang }) {
  const zh = lang === 'zh';
  const [queue, setQueue] = useState<string[] | null>(null);
  const [shown, setShown] = useState(false);
  const [answers, setAnswers] = useState<string[]>([]);
  const ids = [...new Set(vocabulary.map((v) => v.id))].filter((id) => entriesById.has(id));
  useEffect(() => {
    void getReview().then((r) => setQueue(dueIds(ids, r, new Date())));
  }, [vocabulary]);
  if (queue === null) return null;
  const id = queue[0];
  const entry = id ? entriesById.get(id) : undefined;
  const rate = async (r: Grade) => {
    await askBackground({ type: 'grade', id: id!, rating: r }); // the background writes it (the one writer)
    setShown(false);
    setAnswers([]);
    setQueue(queue.slice(1));
  };
  const correct = entry ? entry.components.filter((c, i) => (answers[i] ?? '').replace(/\s/g, '') === c).length : 0;
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">
        {zh ? '复习' : 'Review'} <span class="muted">({zh ? `待复习 ${queue.length}` : `${queue.length} due`})</span>
      </h2>
      {ids.length === 0 ? <p class="muted">{zh ? '生词本为空：在页面上的解释卡片里点“加入生词本”。' : 'Your vocabulary is empty: use “Save to vocabulary” on a term card.'}</p> : null}
      {ids.length > 0 && !entry ? <p>{zh ? '今天没有要复习的了。' : 'Nothing more is due today.'}</p> : null}
      {entry ? (
        <div class="review-card">
          <p class="review-term" lang="zh-CN">
            {entry.term}
          </p>
          {entry.components.length > 0 && !shown ? (
            <div class="quiz">
              <p>{zh ? `写出它的 ${entry.components.length} 项内容：` : `Recall its ${entry.components.length} items:`}</p>
              <ol>
                {entry.components.map((_, i) => (
                  <li key={i}>
                    <input
                      aria-label={zh ? `第 ${i + 1} 项` : `Item ${i + 1}`}
                      value={answers[i] ?? ''}
                      onInput={(e) => {
                        const next = [...answers];
                        next[i] = (e.target as HTMLInputElement).value;
                        setAnswers(next);
                      }}
                    />
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {shown ? (
            <div class="answer">
              <p lang="zh-CN">{entry.summary_zh}</p>
              {entry.components.length > 0 ? (
                <ol class="components">
                  {entry.components.map((c, i) => (
                    <li key={c} class={(answers[i] ?? '').replace(/\s/g, '') === c ? 'right' : ''}>
                      {c}
                    </li>
                  ))}
                </ol>
              ) : null}
              {entry.components.length > 0 ? <p class="muted">{zh ? `答对 ${correct}/${entry.components.length}` : `${correct} of ${entry.components.length} right`}</p> : null}
              <div class="grades">
                <button type="button" onClick={() => void rate(Rating.Again)}>{zh ? '忘了' : 'Again'}</button>
                <button type="button" onClick={() => void rate(Rating.Hard)}>{zh ? '困难' : 'Hard'}</button>
                <button type="button" onClick={() => void rate(Rating.Good)}>{zh ? '记得' : 'Good'}</button>
                <button type="button" onClick={() => void rate(Rating.Easy)}>{zh ? '简单' : 'Easy'}</button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setShown(true)}>
              {zh ? '显示答案' : 'Show answer'}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
