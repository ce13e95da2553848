import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The installed electron npm package: where it is and which version it wants. */
export type ElectronPackage = {
  dir: string;
  version: string;
  /** Electron's NODE_MODULE_VERSION (its `abi_version` file), which native modules must match. */
  abi: number | null;
};

/** The electron package a checkout depends on, or null when it is not installed at all. */
export const electronPackage = (root: string): ElectronPackage | null => {
  try {
    const dir = dirname(require.resolve('electron/package.json', { paths: [root] }));
    return readElectronPackage(dir);
  } catch {
    return null;
  }
};

export const readElectronPackage = (dir: string): ElectronPackage => {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  let abi: number | null = null;
  try {
    abi = Number(readFileSync(join(dir, 'abi_version'), 'utf8').trim()) || null;
  } catch {
    // older electron packages have no abi_version file: the build is then not checked
  }
  return { dir, version, abi };
};

/**
 * The Electron executable Electron's installer put in `dist/` (named by `path.txt`), or null when
 * it has not been downloaded (electron >= 42 ships no install script, so `npm install` never does).
 */
export const electronBinary = (pkg: ElectronPackage): string | null => {
  const pathFile = join(pkg.dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg.dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};
