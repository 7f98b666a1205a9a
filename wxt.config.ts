import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
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
