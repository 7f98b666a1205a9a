/**
 * jieba-wasm, loaded lazily in extension pages only (4 MB of wasm: never in the content script).
 * Known terms are added to its dictionary first, so 两个确立 is not cut into 两个|确立.
 */
// The package's own `new URL('….wasm', import.meta.url)` is not picked up by the build from inside
// node_modules, so the .wasm is imported as an asset URL and handed to the initialiser.
import wasmUrl from '../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';

type Jieba = typeof import('jieba-wasm/web');

let loading: Promise<Jieba> | null = null;

export function loadSegmenter(terms: readonly string[]): Promise<Jieba> {
  loading ??= (async () => {
    const jieba = await import('jieba-wasm/web');
    await jieba.default({ module_or_path: wasmUrl });
    for (const t of terms) jieba.add_word(t, 10000, 'nz');
    return jieba;
  })();
  return loading;
}
