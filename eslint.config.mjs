import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Import boundaries, one block per folder (in flat config a later no-restricted-imports for the
// same files replaces an earlier one, so each folder states its whole list).
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src-main/electron/ may import electron: the core must run under plain Node.',
};
const noShells = {
  group: ['**/electron/**', '**/headless/**', '**/launch/**', '**/cli/**', '**/demo/**'],
  message: 'The core must not depend on a shell.',
};
const nodeHttp = [
  { name: 'node:http', message: 'Only src-main/headless/ serves HTTP.' },
  { name: 'http', message: 'Only src-main/headless/ serves HTTP.' },
];
/** The core's internals (database, write transaction, recorder) reach tests only. */
const internalsOnlyInTests = {
  group: ['**/create-core'],
  importNames: ['createCoreWithInternals'],
  message:
    'Only tests and src-main/core/test-support/ may reach the core’s internals: ask the core for a named service call.',
};
/** The core is what the transports serve and what talks to routers: it depends on neither. */
const coreOverTransportAndSim = {
  group: ['**/transport/**', '**/routeros-sim/**'],
  message:
    'The core may import transport/ and routeros-sim/ only from tests (*.test.ts) and src-main/core/test-support/.',
};
const rendererBoundary = {
  group: ['**/src-main/**'],
  message:
    'The renderer reaches the main side only through @contract/… and @domain/… (renderer-aliases.ts).',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { projectService: false, program: null, project: false },
      globals: globals.node,
    },
  },
  {
    files: ['src-main/core/**', 'src-main/transport/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell, ...nodeHttp], patterns: [noShells, internalsOnlyInTests] },
      ],
    },
  },
  {
    files: ['src-main/core/**'],
    ignores: ['src-main/core/**/*.test.ts', 'src-main/core/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, ...nodeHttp],
          patterns: [noShells, internalsOnlyInTests, coreOverTransportAndSim],
        },
      ],
    },
  },
  {
    // Tests and test-support: a core under test, driven through the transport or a simulator.
    files: [
      'src-main/core/**/*.test.ts',
      'src-main/core/test-support/**',
      'src-main/transport/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell, ...nodeHttp], patterns: [noShells] },
      ],
    },
  },
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The contract is shared with the renderer.' },
            { group: ['**/core/**', '**/transport/**'], message: 'The contract imports only zod.' },
          ],
        },
      ],
    },
  },
  {
    // Pure rules shared by the core and the renderer: zod, date-fns, @date-fns/tz, the contract's
    // vocabulary (roles, schemas) and each other; nothing that runs only on one side.
    files: ['src-main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The domain runs in the renderer too.' },
            {
              // Anything but these: zod, date-fns, @date-fns/tz, vitest (tests), ./itself, and
              // the contract's roles and schemas.
              regex:
                '^(?!(zod|date-fns|@date-fns/tz|vitest)$|\\./[^/]+$|\\.\\./contract/(roles|schemas/[^/]+)$)',
              message:
                'The domain imports only zod, date-fns, @date-fns/tz, itself and the contract vocabulary.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/headless/**', 'src-main/cli/**', 'src-main/launch/**', 'src-main/demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [internalsOnlyInTests] },
      ],
    },
  },
  {
    files: ['src-preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/transport/**', '**/headless/**', '**/contract/api*'],
              message: 'The sandboxed preload imports only the channel names.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            rendererBoundary,
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
);
