import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
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
