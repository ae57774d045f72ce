import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@kaohe/source', 'module', 'browser', 'development|production'] },
  server: { port: 3100, strictPort: true },
  preview: { port: 3100, strictPort: true },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
