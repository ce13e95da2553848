import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME } from './app-paths';

const root = resolve(__dirname, '..', '..');
const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
/** The items of every YAML list under `key:` (the config's own simple style), in order. */
const listUnder = (key: string): string[] =>
  [...config.matchAll(new RegExp(`^(\\s*)${key}:\\n((?:\\1\\s+[-#].*\\n)+)`, 'gm'))].flatMap((m) =>
    (m[2] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).replace(/^'|'$/g, '')),
  );

describe('the installers (electron-builder.yml)', () => {
  it('are named like the data folder, so the installed app opens the same office', () => {
    expect(config).toMatch(new RegExp(`^productName: ${APP_NAME}$`, 'm'));
  });

  it('hold the built app and the migrations, with native modules outside the archive', () => {
    expect(listUnder('files')).toEqual(expect.arrayContaining(['out/**', 'migrations/**']));
    expect(listUnder('asarUnpack')).toEqual(['**/*.node']);
    expect(config).toMatch(/^npmRebuild: true$/m);
    expect(existsSync(join(root, 'build', 'icon.png'))).toBe(true);
  });

  it('are configured for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', () => {
    expect(listUnder('target')).toEqual(['AppImage', 'deb', 'nsis', 'dmg']);
  });
});
