import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsRoot = fileURLToPath(new URL('../contracts', import.meta.url));

/** The web app's build: root web/, output web/dist (the app and the portal), /api proxied to the server in development. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@contracts': contractsRoot } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Two pages: the app (index.html) and the public portal (portal.html, served for /portal/*).
      input: { app: `${webRoot}index.html`, portal: `${webRoot}portal.html` },
      output: {
        manualChunks(id) {
          if (id.includes('opencc-js')) return 'opencc';
          if (id.includes('node_modules/antd') || id.includes('@ant-design') || id.includes('@rc-component')) return 'antd';
          if (id.includes('node_modules/react') || id.includes('react-router') || id.includes('scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
});
