/** Repository of the `staff` table: all SQL on it lives here. */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { staff } from '../db/schema';
import type { Staff } from '../../contract/schemas/staff';
import type { Role } from '../../contract/roles';

export type StaffRecord = typeof staff.$inferSelect;

export const toStaff = (s: StaffRecord): Staff => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  disabled: s.disabled,
  lockedUntil: s.lockedUntil,
  failedLogins: s.failedLogins,
  mustChangePassword: s.mustChangePassword,
  createdAt: s.createdAt,
  lastLoginAt: s.lastLoginAt,
});

export const createStaffRepo = (orm: Orm) => ({
  count: (): number => orm.select({ n: count() }).from(staff).get()?.n ?? 0,

  byId: (id: number): StaffRecord | undefined =>
    orm.select().from(staff).where(eq(staff.id, id)).get(),

  byUsername: (username: string): StaffRecord | undefined =>
    orm.select().from(staff).where(eq(staff.username, username)).get(),

  list: (): StaffRecord[] => orm.select().from(staff).orderBy(asc(staff.username)).all(),
  /** Display names by id (the drawer close names who took the money). */
  displayNames: (): Map<number, string> =>
    new Map(
      orm
        .select({ id: staff.id, name: staff.displayName })
        .from(staff)
        .all()
        .map((s) => [s.id, s.name]),
    ),

  activeAdministrators: (): number =>
    orm
      .select({ n: count() })
      .from(staff)
      .where(sql`${staff.role} = 'administrator' AND ${staff.disabled} = 0`)
      .get()?.n ?? 0,

  insert: (values: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    mustChangePassword: boolean;
    now: number;
  }): StaffRecord =>
    orm
      .insert(staff)
      .values({
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        passwordHash: values.passwordHash,
        mustChangePassword: values.mustChangePassword,
        createdAt: values.now,
        updatedAt: values.now,
        passwordChangedAt: values.now,
      })
      .returning()
      .get(),

  update: (id: number, values: Partial<Omit<StaffRecord, 'id'>>): StaffRecord =>
    orm.update(staff).set(values).where(eq(staff.id, id)).returning().get(),
});

export type StaffRepo = ReturnType<typeof createStaffRepo>;
