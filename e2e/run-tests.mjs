// `npm test`: unit tests (Vitest), a build, then end-to-end tests (Playwright in Chromium against
// the headless server). Ends with one plain line of totals: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const run = (title, command, args, env = {}) => {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
const problems = [];

run('Unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
  if (!vitest.success && vitest.numFailedTests === 0) {
    failed += 1;
    problems.push('Vitest reported errors outside tests (see above)');
  }
} else {
  failed += 1;
  problems.push('Vitest did not produce results');
}

if (run('Build', 'npx', ['electron-vite', 'build']) !== 0) {
  failed += 1;
  problems.push('The build failed, so the end-to-end tests did not run');
} else {
  run('End-to-end tests', 'npx', ['playwright', 'test'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
  });
  const pw = readJson(`${results}/playwright.json`);
  if (pw?.stats) {
    passed += pw.stats.expected;
    failed += pw.stats.unexpected + pw.stats.flaky + (pw.errors?.length ?? 0);
    if (pw.stats.skipped > 0) problems.push(`${pw.stats.skipped} end-to-end tests were skipped`);
  } else {
    failed += 1;
    problems.push('Playwright did not produce results');
  }
}

for (const p of problems) console.log(`! ${p}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
