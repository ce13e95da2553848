import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { rendererAliases } from './renderer-aliases';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['src-main/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: rendererAliases },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src-renderer/src/test-utils/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
