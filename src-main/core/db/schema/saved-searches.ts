import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/** A staff member's named activity-log filters. */
export const savedSearches = sqliteTable(
  'saved_searches',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    name: text().notNull(),
    /** The ActivityFilter as JSON. */
    filter: text().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('saved_searches_staff_idx').on(t.staffId, t.name)],
);
