import type { Example, Speech } from '../core/glossary-types';

/** A corpus sentence with the term set in bold (as text: the sentence is data, never HTML). */
export function ExampleQuote({ example, surfaces, speech }: { example: Example; surfaces: string[]; speech: Speech | undefined }) {
  const s = example.sentence;
  let at = -1;
  let len = 0;
  for (const surface of surfaces) {
    const i = s.indexOf(surface);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = surface.length;
    }
  }
  const where = speech ? [speech.city ?? speech.province, speech.role, speech.speaker, speech.date].filter(Boolean).join(' · ') : example.speech;
  return (
    <figure class="example">
      <blockquote>
        {at < 0 ? s : [s.slice(0, at), <b key="t">{s.slice(at, at + len)}</b>, s.slice(at + len)]}
      </blockquote>
      <figcaption>{where}</figcaption>
    </figure>
  );
}
