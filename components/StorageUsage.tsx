import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { LIMITS } from '../core/vocabulary';
import type { Lang } from '../core/ui-text';

/** storage.local's quota where the browser does not say (Chrome's, without `unlimitedStorage`). */
const DEFAULT_QUOTA = 10 * 1024 * 1024;

/** How much of the extension's storage is used, and what to delete when it is nearly full. */
export function StorageUsage({ lang, vocabulary, changes }: { lang: Lang; vocabulary: number; changes: number }) {
  const zh = lang === 'zh';
  const [used, setUsed] = useState<number | null>(null);
  useEffect(() => {
    const local = browser.storage.local as typeof browser.storage.local & { getBytesInUse?(keys: null): Promise<number> };
    // Firefox has no getBytesInUse for storage.local: the stored JSON's length is close to what counts.
    const measure = local.getBytesInUse ? local.getBytesInUse(null) : local.get(null).then((all) => JSON.stringify(all).length);
    void measure.then(setUsed).catch(() => setUsed(null));
  }, [changes, vocabulary]);
  const quota = (browser.storage.local as { QUOTA_BYTES?: number }).QUOTA_BYTES ?? DEFAULT_QUOTA;
  const mb = (n: number) => `${(n / 1048576).toFixed(2)} MB`;
  const share = used === null ? 0 : used / quota;
  return (
    <section aria-labelledby="storage-heading" class="storage-usage">
      <h3 id="storage-heading">{zh ? '存储空间' : 'Storage'}</h3>
      <p data-storage-used={used ?? ''}>
        {used === null ? (zh ? '无法读取用量。' : 'Usage unavailable.') : zh ? `已用 ${mb(used)}，共 ${mb(quota)}（${Math.round(share * 100)}%）。` : `${mb(used)} of ${mb(quota)} used (${Math.round(share * 100)}%).`}{' '}
        {zh ? `生词本 ${vocabulary} 条（上限 ${LIMITS.items} 条）。` : `Vocabulary: ${vocabulary} items (at most ${LIMITS.items}).`}
      </p>
      <meter min={0} max={1} high={0.8} value={share} aria-label={zh ? '存储用量' : 'Storage used'} />
      <p class={share > 0.8 || vocabulary >= LIMITS.items ? 'error' : 'muted'}>
        {zh
          ? '空间将满时，新的保存会失败：请删除生词本中不再需要的条目（“生词本”栏目），或下方的个人条目；删除后可撤销。'
          : 'When storage is nearly full, new saves fail: delete vocabulary items you no longer need (under Vocabulary) or personal entries below; a delete can be undone.'}
      </p>
    </section>
  );
}
