import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { zonedIsoTime } from '../../domain/office-time';
import type { ActivityFilter } from '../../contract/schemas/activity';
import type { Sqlite } from '../db/open-database';
import { ACTIVITY_COLUMNS, type ActivityRow } from '../activity/activity-row';
import { csvHeader, csvLine } from '../activity/activity-export';
import { createActivitySearch } from '../activity/activity-search';
import type { BundlePlan } from './bundle-plan';
import { bundleReadme } from './bundle-readme';
import { VERIFY_SCRIPT } from './bundle-verify-script';
import { createTarWriter } from './tar-writer';
import { nextTurn } from '../shared/next-turn';

export const BUNDLE_FORMAT = 'isp-desk/evidence-bundle/v1';
const PAGE = 5_000;

export type BundleRequest = {
  /** The log file (live database or an archive), opened read-only. */
  file: string;
  /** The .tar file to write. */
  target: string;
  plan: BundlePlan;
  /** Narrows the listed entries; the chain segment always holds every entry. */
  filter: Omit<ActivityFilter, 'from' | 'to'> | null;
  timeZone: string;
  createdAt: number;
  /** Names the installation in the manifest (`isp-desk/<install id>`). */
  origin: string;
};

export type BundleResult = { entries: number; chainEntries: number; bytes: number };

/** A text file being written, with its SHA-256 kept as it grows. */
const hashedFile = (path: string) => {
  const fd = openSync(path, 'w', 0o600);
  const hash: Hash = createHash('sha256');
  return {
    write(text: string) {
      if (text.length === 0) return;
      const bytes = Buffer.from(text, 'utf8');
      hash.update(bytes);
      writeSync(fd, bytes);
    },
    close(): string {
      closeSync(fd);
      return hash.digest('hex');
    },
  };
};

const hasConditions = (f: BundleRequest['filter']): f is NonNullable<BundleRequest['filter']> =>
  f !== null && Object.keys(f).length > 0;

/**
 * Writes an evidence bundle: one tar holding the range's entries (NDJSON and CSV), the chain
 * segment that proves them (chain.ndjson), the signed checkpoints at its ends with the public
 * key, a manifest (range, filter, the hash of the entry just before the range, files' SHA-256),
 * a README and verify_bundle.py. Reads page by page; runs on a task thread in the app.
 */
export const writeBundle = async (
  sqlite: Sqlite,
  r: BundleRequest,
  progress: (done: number) => void = () => undefined,
): Promise<BundleResult> => {
  const { plan } = r;
  const time = (ms: number) => zonedIsoTime(ms, r.timeZone);
  const matching = hasConditions(r.filter) ? new Set<number>() : null;
  if (matching && r.filter) {
    const search = createActivitySearch(sqlite);
    for (const page of search.iterate({ ...r.filter, ...plan.range }, PAGE)) {
      for (const row of page) matching.add(row.id);
    }
  }

  const work = mkdtempSync(join(dirname(r.target), '.bundle-'));
  try {
    const chain = hashedFile(join(work, 'chain.ndjson'));
    const ndjson = hashedFile(join(work, 'entries.ndjson'));
    const csv = hashedFile(join(work, 'entries.csv'));
    csv.write(csvHeader());
    const page = sqlite.prepare<[number, number, number], ActivityRow>(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
    );
    let after = plan.chain.afterId;
    let chainEntries = 0;
    let entries = 0;
    let hashBefore = plan.entryIds.from - 1 === plan.chain.afterId ? plan.chain.afterHash : null;
    for (;;) {
      const rows = page.all(after, plan.chain.toId, PAGE);
      let chainText = '';
      let entryText = '';
      let csvText = '';
      for (const row of rows) {
        const line = `${JSON.stringify({
          id: row.id,
          ts: row.ts,
          time: time(row.ts),
          type: row.type,
          category: row.category,
          event: row.event,
          outcome: row.outcome,
          actor_id: row.actor_id,
          actor_name: row.actor_name,
          ip: row.ip,
          workstation: row.workstation,
          description: row.description,
          target_type: row.target_type,
          target_id: row.target_id,
          target_label: row.target_label,
          client_id: row.client_id,
          router_id: row.router_id,
          details: row.details,
          correlation_id: row.correlation_id,
          row_hash: row.row_hash.toString('hex'),
        })}\n`;
        chainText += line;
        if (row.id === plan.entryIds.from - 1) hashBefore = row.row_hash.toString('hex');
        const listed =
          row.id >= plan.entryIds.from &&
          row.id <= plan.entryIds.to &&
          (matching === null || matching.has(row.id));
        if (listed) {
          entryText += line;
          csvText += csvLine(row, r.timeZone);
          entries++;
        }
      }
      chain.write(chainText);
      ndjson.write(entryText);
      csv.write(csvText);
      chainEntries += rows.length;
      progress(chainEntries);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = last.id;
      await nextTurn();
    }
    const files: Record<string, string> = {
      'chain.ndjson': chain.close(),
      'entries.ndjson': ndjson.close(),
      'entries.csv': csv.close(),
    };
    const texts: Record<string, string> = {
      'checkpoints.json': `${JSON.stringify(plan.checkpoints, null, 2)}\n`,
      'public-key.pem': plan.publicKey,
      'verify_bundle.py': VERIFY_SCRIPT,
    };
    for (const [name, text] of Object.entries(texts)) {
      files[name] = createHash('sha256').update(text, 'utf8').digest('hex');
    }
    const manifest = {
      format: BUNDLE_FORMAT,
      installation: r.origin,
      createdAt: time(r.createdAt),
      range: {
        from: plan.range.from,
        to: plan.range.to,
        fromTime: time(plan.range.from),
        toTime: time(plan.range.to),
        timeZone: r.timeZone,
      },
      filter: hasConditions(r.filter) ? r.filter : null,
      entries: { count: entries, firstId: plan.entryIds.from, lastId: plan.entryIds.to },
      before: { id: plan.entryIds.from - 1, hash: hashBefore },
      chain: { ...plan.chain, entries: chainEntries },
      files,
    };
    const folder = basename(r.target).replace(/\.tar$/, '');
    const handle = await open(r.target, 'w', 0o600);
    try {
      const tar = createTarWriter(async (chunk) => {
        await handle.write(chunk);
      });
      const at = r.createdAt;
      await tar.addBuffer(`${folder}/README.txt`, Buffer.from(bundleReadme(manifest)), at);
      await tar.addBuffer(
        `${folder}/manifest.json`,
        Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
        at,
      );
      for (const [name, text] of Object.entries(texts)) {
        await tar.addBuffer(`${folder}/${name}`, Buffer.from(text, 'utf8'), at);
      }
      for (const name of ['entries.ndjson', 'entries.csv', 'chain.ndjson']) {
        await tar.addFile(`${folder}/${name}`, join(work, name), at);
      }
      await tar.finish();
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { entries, chainEntries, bytes: statSync(r.target).size };
  } catch (e) {
    rmSync(r.target, { force: true }); // never a bundle that looks complete but is not
    throw e;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
