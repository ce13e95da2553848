import { sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { officeDayBound } from '../domain/office-time';
import { DATABASE_FILE } from '../core/config';
import { AUDIT_KEYS } from '../core/activity/chain-anchor';
import { loadSigningKey } from '../core/activity/checkpoints';
import { planBundle, type HeadSigner } from '../core/evidence/bundle-plan';
import { writeBundle } from '../core/evidence/bundle-writer';
import { AppError } from '../core/shared/app-error';
import { createSettingsRepo } from '../core/settings/settings.repo';
import { BILLING_KEYS } from '../core/settings/settings.service';
import type { Sqlite } from '../core/db/open-database';

export type BundleArgs = { from: string; to: string; out: string; text?: string; archive?: string };

/** A date (the whole day, in the office's zone) or an ISO time with its offset. */
export const parseBound = (text: string, timeZone: string, end: boolean): number => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const bound = officeDayBound(text, timeZone, end);
    if (bound === null) throw new AppError('validation', `${text} is not a date.`);
    return bound;
  }
  const ms = /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError(
      'validation',
      `"${text}" is neither a date (2026-11-30) nor a time with its offset (2026-11-30T08:00:00+03:00).`,
    );
  }
  return ms;
};

/** The data folder's own key signs a checkpoint at the head when none covers the range's end. */
const headSigner = (sqlite: Sqlite, dataDir: string): HeadSigner | undefined => {
  if (!existsSync(join(dataDir, 'audit-signing-key.pem'))) return undefined;
  const settings = createSettingsRepo(sqlite);
  const key = loadSigningKey(dataDir);
  const installId = settings.get('install.id');
  if (!installId || settings.get(AUDIT_KEYS.publicKey) !== key.publicKeyPem) return undefined;
  return {
    origin: `isp-desk/${installId}`,
    sign: (note) => sign(null, Buffer.from(note), key.privateKey).toString('base64'),
  };
};

/**
 * `log bundle --from DATE --to DATE --out FILE [--text WORDS] [--archive FILE]`: an evidence
 * bundle for an auditor (see core/evidence). Reads the log read-only; exit 0 written, 2 unusable.
 */
export const logBundle = async (
  dataDir: string,
  args: BundleArgs,
  out: (line: string) => void,
  now = Date.now(),
): Promise<number> => {
  const file = args.archive === undefined ? join(dataDir, DATABASE_FILE) : resolve(args.archive);
  if (!existsSync(file)) {
    out(
      args.archive === undefined ? `No ISP Desk database in ${dataDir}.` : `No archive at ${file}.`,
    );
    return 2;
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const settings = createSettingsRepo(sqlite);
    const timeZone = settings.get(BILLING_KEYS.timeZone) ?? 'UTC';
    const range = {
      from: parseBound(args.from, timeZone, false),
      to: parseBound(args.to, timeZone, true),
    };
    const signer = args.archive === undefined ? headSigner(sqlite, dataDir) : undefined;
    const plan = planBundle(sqlite, range, { now, ...(signer ? { signer } : {}) });
    const target = resolve(args.out);
    const result = await writeBundle(sqlite, {
      file,
      target,
      plan,
      filter: args.text ? { text: args.text } : null,
      timeZone,
      createdAt: now,
      origin: `isp-desk/${settings.get('install.id') ?? 'unknown'}`,
    });
    const folder = basename(target).replace(/\.tar$/, '');
    out(
      `Evidence bundle written: ${target} (${String(result.entries)} entries; the chain from entry ${String(plan.chain.afterId + 1)} to ${String(plan.chain.toId)}).`,
    );
    out(
      `An auditor checks it with: tar xf ${basename(target)} && python3 ${folder}/verify_bundle.py`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      out(e.message);
      return 2;
    }
    throw e;
  } finally {
    sqlite.close();
  }
};
