import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildAutomaton } from '../../core/matcher';
import { blockOwnerOf, collectBlocks, findOccurrences, locate } from '../../core/text-model';

function occurrencesIn(html: string, patterns: string[]) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const automaton = buildAutomaton(patterns);
  const { blocks } = collectBlocks(document.body as unknown as Node);
  const occ = blocks.flatMap((b) => findOccurrences(b, automaton, patterns.map((_, i) => i)));
  return { document, blocks, occ, texts: occ.map((o) => o.block.raw.slice(o.start, o.end)) };
}

describe('text model', () => {
  it('matches a term split across inline elements', () => {
    const { occ, texts } = occurrencesIn('<p>捍卫“<b>两个</b>确立”</p>', ['两个确立']);
    expect(texts).toEqual(['两个确立']);
    const o = occ[0]!;
    const s = locate(o.block, o.start, false);
    const e = locate(o.block, o.end, true);
    expect(s.node.data).toBe('两个');
    expect(s.offset).toBe(0);
    expect(e.node.data).toBe('确立”');
    expect(e.offset).toBe(2);
  });
  it('does not match across block boundaries or <br>', () => {
    expect(occurrencesIn('<p>两个</p><p>确立</p>', ['两个确立']).texts).toEqual([]);
    expect(occurrencesIn('<p>两个<br>确立</p>', ['两个确立']).texts).toEqual([]);
  });
  it('matches through &nbsp; and spaces between Han characters, with offsets on the raw text', () => {
    const { occ, texts } = occurrencesIn('<p>四个&nbsp; 自信</p>', ['四个自信']);
    expect(texts).toEqual(['四个\u00a0 自信']);
    expect(occ[0]!.end - occ[0]!.start).toBe(6);
  });
  it('matches full-width digits of a code', () => {
    expect(occurrencesIn('<p>“８８１３１４”工程</p>', ['881314']).texts).toEqual(['８８１３１４']);
  });
  it('skips script, style, textarea, inputs, contenteditable regions and our own UI', () => {
    const html =
      '<script>var a="两个确立"</script><style>/*两个确立*/</style><textarea>两个确立</textarea>' +
      '<div contenteditable="true"><p>两个确立</p></div><div data-tifa-ui>两个确立</div><select><option>两个确立</option></select>' +
      '<p>两个确立</p>';
    expect(occurrencesIn(html, ['两个确立']).occ).toHaveLength(1);
  });
  it('keeps text after a nested block in its own block, owned by the outer element', () => {
    const { blocks, document } = occurrencesIn('<div id="d">两个<p>中间</p>确立</div>', ['两个确立']);
    expect(blocks.map((b) => b.raw)).toEqual(['两个', '中间', '确立']);
    expect(blocks[0]!.owner).toBe(document.getElementById('d'));
    expect(blocks[2]!.owner).toBe(document.getElementById('d'));
  });
  it('finds the block owner of a changed node, and none inside skipped regions', () => {
    const { document } = parseHTML('<html><body><p id="p"><b id="b">两个</b>确立</p><div contenteditable><i id="i">x</i></div></body></html>');
    const body = document.body as unknown as Node;
    expect(blockOwnerOf(document.getElementById('b') as unknown as Node, body)).toBe(document.getElementById('p'));
    expect(blockOwnerOf(document.getElementById('i') as unknown as Node, body)).toBeNull();
  });
  it('walks 5,000 levels of nesting without recursion', () => {
    const html = '<div>'.repeat(5000) + '两个确立' + '</div>'.repeat(5000);
    expect(occurrencesIn(html, ['两个确立']).texts).toEqual(['两个确立']);
  });
});
