/**
 * When this bundle began to run: imported first by ./index.ts, so it runs before the rest of the
 * bundle's top-level code. "Ours" in the benchmark starts here where the reader is declared directly
 * (the gate marks its start after its test instead: ./gate.ts). What precedes this, compiling the
 * bundle, only a trace sees. Only in the benchmark's build (env.d.ts).
 */
export const SCRIPT_START = import.meta.env.TIFA_BENCH ? performance.now() : 0;
