import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../shared/app-error';
import { ArchiveNameSchema } from '../../contract/schemas/activity';
import type { Sqlite } from '../db/open-database';
import { createActivitySearch } from './activity-search';
import { createActivityStats, type TextBudget } from './activity-stats';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from './activity-row';

/** One log to read: the live one, or an archive file opened read-only. */
export const createLogSource = (sqlite: Sqlite, now: () => number, textBudget?: TextBudget) => {
  const search = createActivitySearch(sqlite);
  const stats = createActivityStats({
    sqlite,
    planner: search.planner,
    now,
    ...(textBudget ? { textBudget } : {}),
  });
  const byId = sqlite.prepare<[number], ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id = ?`,
  );
  return {
    sqlite,
    search,
    stats,
    get: (id: number) => {
      const row = byId.get(id);
      if (!row) throw new AppError('not_found', `Activity entry ${String(id)} does not exist.`);
      return toEntry(row);
    },
  };
};
export type LogSource = ReturnType<typeof createLogSource>;

const MAX_OPEN_ARCHIVES = 4;

/** A read-only connection to a log file (an archive, or the live log from a reader thread). */
export const openReadOnly = (file: string, nativeBinding?: string): Sqlite =>
  new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });

/** The archives folder: lists archive files and opens them read-only for review. */
export const createArchiveShelf = (
  archivesDir: string,
  now: () => number,
  opts: { nativeBinding?: string; textBudget?: TextBudget } = {},
) => {
  const open = new Map<string, LogSource>();

  const list = () => {
    if (!existsSync(archivesDir)) return [];
    return readdirSync(archivesDir)
      .filter((name) => ArchiveNameSchema.safeParse(name).success)
      .map((name) => {
        const [, first, last] = /^activity-(\d+)-(\d+)\.db$/.exec(name) ?? [];
        const info = statSync(join(archivesDir, name));
        return {
          name,
          firstId: Number(first),
          lastId: Number(last),
          sizeBytes: info.size,
          createdAt: Math.round(info.mtimeMs),
        };
      })
      .sort((a, b) => b.lastId - a.lastId);
  };

  return {
    list,
    source: (name: string): LogSource => {
      const cached = open.get(name);
      if (cached) return cached;
      const file = join(archivesDir, name);
      if (!ArchiveNameSchema.safeParse(name).success || !existsSync(file)) {
        throw new AppError('not_found', `There is no archive named ${name}.`);
      }
      const source = createLogSource(openReadOnly(file, opts.nativeBinding), now, opts.textBudget);
      if (open.size >= MAX_OPEN_ARCHIVES) {
        const [oldest] = open.keys();
        if (oldest) {
          open.get(oldest)?.sqlite.close();
          open.delete(oldest);
        }
      }
      open.set(name, source);
      return source;
    },
    close: () => {
      for (const s of open.values()) s.sqlite.close();
      open.clear();
    },
  };
};
