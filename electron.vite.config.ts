import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json';
import { rendererAliases } from './renderer-aliases';

const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

// Folders are not electron-vite's defaults (src/main, …), so every entry is named here.
// The main-side entries share one bundle graph; only `index` (the Electron shell) imports electron.
export default defineConfig({
  main: {
    define,
    build: {
      // Packages stay in node_modules, loaded at run time, except the password-strength
      // estimator's: its dictionaries are bundled, into the password-hashing thread's chunk
      // (the main thread loads them only where there are no hashing threads, as in the CLI).
      externalizeDeps: {
        exclude: ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'],
      },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          headless: resolve(__dirname, 'src-main/headless/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          start: resolve(__dirname, 'src-main/launch/start.ts'),
          dist: resolve(__dirname, 'src-main/launch/dist.ts'),
          sim: resolve(__dirname, 'src-main/routeros-sim/main.ts'),
          // The Activity Log's reader threads (a worker_threads entry; see reader-pool.ts).
          'activity-reader': resolve(__dirname, 'src-main/core/activity/reader/reader-worker.ts'),
          // Long tasks: log export and verify, the backup's copy and check (see task-runner.ts).
          'background-task': resolve(__dirname, 'src-main/core/tasks/task-worker.ts'),
          // Password hashing threads (see hash-pool.ts).
          'password-hasher': resolve(__dirname, 'src-main/core/auth/hash-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias: rendererAliases },
    build: {
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
      // electron-vite leaves the renderer unminified (about 2.5 MB); minified, with the source
      // maps beside each file (`x.js.map`) so that stack traces and devtools still read as source.
      minify: true,
      sourcemap: true,
    },
    plugins: [react()],
  },
});
