import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built from the repository root (`npm run build:web`, scripts/ensure-web-build.mjs), so the root is pinned to
// this folder rather than the working directory.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The two big chunks (echarts, cytoscape) load on demand, on the pages that draw with them.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/\/node_modules\/(@mantine|@floating-ui)\//.test(id)) return 'mantine';
          if (/\/node_modules\/(@tanstack|openapi-fetch)\//.test(id)) return 'query';
          // Only the graph view loads it (a dynamic import): its own chunk keeps it off every other page.
          if (id.includes('/node_modules/cytoscape/')) return 'cytoscape';
          // Likewise the FAIR charts (components/charts/echart.tsx imports it on demand).
          if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
