import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves `dist/` at `/`; `pnpm --filter @llmbench/web dev` proxies the API to a running gateway.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@llmbench/source'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
