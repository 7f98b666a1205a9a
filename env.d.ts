/**
 * Build-time flags (wxt.config.ts `define`, and scripts/support/gate-build.ts for the gate).
 * TIFA_BENCH: the benchmark's build (`TIFA_BENCH=1`, into .output-bench/). Only it sets performance
 * marks (`tifa:*`): in the shipped build a page could read them and learn when the reader opened a card
 * or saved (docs/security.md); the minifier drops every `if (import.meta.env.TIFA_BENCH)` branch there.
 */
interface ImportMetaEnv {
  readonly TIFA_BENCH: boolean;
}
