import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vitest/config';
import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

export default mergeConfig(kaoheVitest({ environment: 'happy-dom', testTimeout: 20_000 }), {
  plugins: [react()],
});
