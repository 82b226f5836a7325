import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The tab is a static site built into dist/web; the one-process server serves it on the API's origin.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // No source maps in the served tab: they would ship megabytes and the sources to every visitor.
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:4280',
      '/dev': 'http://127.0.0.1:4280',
    },
  },
});
