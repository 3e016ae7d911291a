import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  worker: {
    format: 'es',
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
