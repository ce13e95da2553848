import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The repository root, where eslint.config.mjs lives. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The project's own lint config, with only the import boundaries run: they need no type
 * information, so the files linted here need not exist.
 */
const boundaries = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: false } },
  },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

/** The boundary messages lint gives `code` as the file at `filePath`. */
const complaints = async (code: string, filePath: string): Promise<string[]> => {
  const [result] = await boundaries.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
};

const TO_TRANSPORT =
  "import { createDispatch } from '../../transport/dispatch';\nvoid createDispatch;\n";
const TO_SIM = "import { startSim } from '../../routeros-sim/sim';\nvoid startSim;\n";
const TO_INTERNALS =
  "import { createCoreWithInternals } from '../create-core';\nvoid createCoreWithInternals;\n";

describe('the core’s import boundaries (eslint.config.mjs)', { timeout: 60_000 }, () => {
  it('refuses an import of transport/ or routeros-sim/ in the core’s own code', async () => {
    for (const code of [TO_TRANSPORT, TO_SIM]) {
      const messages = await complaints(code, 'src-main/core/sync/queue-helper.ts');
      expect(messages).toEqual([
        expect.stringMatching(
          /^no-restricted-imports: .*The core may import transport\/ and routeros-sim\/ only from tests/,
        ),
      ]);
    }
  });

  it('allows them in the core’s tests and test-support', async () => {
    for (const file of ['src-main/core/sync/queue.test.ts', 'src-main/core/test-support/x.ts']) {
      expect(await complaints(TO_TRANSPORT, file)).toEqual([]);
      expect(await complaints(TO_SIM, file)).toEqual([]);
    }
  });

  it('keeps the core’s internals to tests: a shell or the transport must ask for a service', async () => {
    for (const file of [
      'src-main/core/sync/queue-helper.ts',
      'src-main/transport/x/host.ts',
      'src-main/demo/x/seed-step.ts',
      'src-main/headless/x/server.ts',
    ]) {
      expect(await complaints(TO_INTERNALS, file)).toEqual([
        expect.stringMatching(
          /^no-restricted-imports: .*Only tests and src-main\/core\/test-support/,
        ),
      ]);
    }
    expect(await complaints(TO_INTERNALS, 'src-main/core/test-support/x.ts')).toEqual([]);
    expect(await complaints(TO_INTERNALS, 'src-main/core/x/y.test.ts')).toEqual([]);
  });
});
