import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Browser } from 'wxt/browser';
import { ALL_MATCHES, DIRECT_MATCHES, GATE_PATH, READER_PATH } from './runtime/gate-handoff';
import { buildGateScript } from './scripts/support/gate-build';

/**
 * The reader, which WXT builds as the content script, is declared for DIRECT_MATCHES; every other page
 * gets the gate (entrypoints/content/gate.ts, built by the publicAssets hook below) under the same
 * timing and frames, and the gate imports the reader where the page has Chinese text. The gate declares
 * no stylesheet: declared, it was applied to every page, and styling a 2 MB page without Chinese text
 * took ~5 ms more (docs/performance.md); the reader it imports adopts the same rules itself. So the
 * reader is web-accessible to those pages: under a per-session URL in Chromium (`use_dynamic_url`),
 * so pages cannot probe for it (Firefox's extension URLs are per-install already).
 * See runtime/gate-handoff.ts.
 */
function addGate(manifest: Browser.runtime.Manifest, browser: string): void {
  const reader = manifest.content_scripts?.find((cs) => cs.js?.includes(READER_PATH));
  if (!reader) throw new Error(`wxt.config.ts: no content script entry runs ${READER_PATH}`);
  const { css: _css, ...timing } = reader;
  manifest.content_scripts!.push({ ...timing, js: [GATE_PATH], matches: ALL_MATCHES, exclude_matches: DIRECT_MATCHES });
  manifest.web_accessible_resources ??= [];
  (manifest.web_accessible_resources as unknown[]).push({
    resources: [READER_PATH],
    matches: ALL_MATCHES,
    ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
  });
}

// See https://wxt.dev/api/config.html
/** The benchmark's build (env.d.ts): with its performance marks, and apart from the shipped one. */
const BENCH = process.env.TIFA_BENCH === '1';

export default defineConfig({
  outDir: BENCH ? '.output-bench' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': (wxt, files) => void files.push({ relativeDest: GATE_PATH, contents: buildGateScript(wxt.config.root) }),
    'build:manifestGenerated': (wxt, manifest) => addGate(manifest, wxt.config.browser),
  },
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.TIFA_BENCH': JSON.stringify(BENCH) },
    build: { target: 'es2022', ...(process.env.TIFA_NO_MINIFY ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Each permission is explained in docs/security.md.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    action: { default_title: '__MSG_extName__' },
    omnibox: { keyword: 'tifa' },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_cmdToggle__',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmdNext__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmdPrevious__',
      },
    },
    // jieba-wasm runs in extension pages (options, analysis): they need wasm compilation.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the user's machine: declared to Firefox as collecting no data.
            gecko: { id: 'tifa-reader@tifa-reader.invalid', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {
          content_security_policy: {
            extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
          },
        }),
  }),
});
