import { EVIDENCE_LABELS, type Evidence } from '../core/glossary-types';
import type { Lang } from '../core/ui-text';

/** Where an explanation rests: the public record, the speeches themselves, or context only. */
export function EvidenceMark({ evidence, lang }: { evidence: Evidence; lang: Lang }) {
  return (
    <span class={`chip evidence evidence-${evidence}`} title={EVIDENCE_LABELS[evidence].en}>
      {EVIDENCE_LABELS[evidence][lang]}
    </span>
  );
}
