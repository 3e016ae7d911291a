import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const SERVICE_WORKER = fileURLToPath(new URL('./src/worker/service-worker.ts', import.meta.url));

/**
 * Builds the offline cache's service worker (src/worker/service-worker.ts) as `sw.js` beside
 * index.html, and writes in front of it every file the build produced (source maps aside) with
 * a version drawn from their contents: a new build is a new sw.js, which browsers install.
 */
function offlineCache(): Plugin {
  return {
    name: 'trame-offline-cache',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SERVICE_WORKER, fileName: 'sw.js' });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle['sw.js'];
        if (sw?.type !== 'chunk') return this.error('sw.js was not built');
        const files = Object.keys(bundle)
          .filter((file) => file !== 'sw.js' && !file.startsWith('sw.js.') && !file.endsWith('.map'))
          .sort();
        const hash = createHash('sha256');
        for (const file of files) {
          const out = bundle[file]!;
          hash.update(file).update(out.type === 'chunk' ? out.code : out.source);
        }
        const precache = { version: hash.digest('hex').slice(0, 16), files };
        sw.code = `const PRECACHE = ${JSON.stringify(precache)};\n${sw.code}`;
        // The line written in front shifts the source map by one line.
        const map = bundle['sw.js.map'];
        if (map?.type === 'asset') {
          const json = JSON.parse(String(map.source)) as { mappings: string };
          map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
        }
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [offlineCache()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      experimental: {
        // Merging common chunks into the entry would pull the code PixiJS loads on demand for its
        // other renderers (WebGPU, canvas) into the first load; keep what is lazy lazy.
        chunkOptimization: false,
      },
    },
  },
  worker: {
    format: 'es',
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
