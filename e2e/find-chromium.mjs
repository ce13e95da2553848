// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, Debian's, or Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const findChromium = () => {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const path = require('playwright').chromium.executablePath();
    if (path && existsSync(path)) return path;
  } catch {
    // Playwright's browser is not downloaded: fall through to the instructions.
  }
  return null;
};

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the end-to-end tests. Install one of:
  Debian/Ubuntu:  sudo apt-get install -y chromium      (gives /usr/bin/chromium)
  anywhere else:  npx playwright install chromium       (needs internet access)
or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
