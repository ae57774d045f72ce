import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// `vite --mode https` (pnpm start) serves over HTTPS on localhost:3000 with the Office dev
// certificate, as Excel requires for sideloading. Other modes stay on plain HTTP.
export default defineConfig(async ({ mode }): Promise<UserConfig> => {
  const https =
    mode === 'https'
      ? await import('office-addin-dev-certs').then((m) => m.getHttpsServerOptions())
      : undefined;
  return {
    plugins: [react()],
    resolve: { conditions: ['@kaohe/source', 'module', 'browser', 'development|production'] },
    server: { port: 3000, strictPort: true, ...(https ? { https } : {}) },
    preview: { port: 3000, strictPort: true },
    build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  };
});
