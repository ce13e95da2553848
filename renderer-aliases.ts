import { resolve } from 'node:path';

/**
 * The renderer's two ways into src-main, for Vite (build) and Vitest (tests); tsconfig.web.json
 * `paths` says the same to the type checker. Nothing else of src-main is reachable (ESLint).
 */
export const rendererAliases = {
  '@contract': resolve(__dirname, 'src-main/contract'),
  '@domain': resolve(__dirname, 'src-main/domain'),
};
