import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '@contract/roles';
import { permissionsOf } from '@domain/permissions';
import { staffUser } from '../../test-utils/office-fixtures';
import { userCan } from './session-context';

/**
 * The renderer's permission view equals the core's role map, for every role and permission. The
 * core half (what `auth.status` sends for each role is exactly the map) is in
 * src-main/core/billing/office-permissions.test.ts.
 */
describe("the renderer's permission view", () => {
  it.each(ROLES)('shows a signed-in %s exactly what the core map grants', (role) => {
    // What the core sends for a signed-in staff member: toSessionUser lists permissionsOf(role).
    const signedIn = { permissions: [...permissionsOf(role)] };
    const fixture = staffUser(role);
    for (const permission of PERMISSIONS) {
      const granted = permissionsOf(role).has(permission);
      expect(userCan(signedIn, permission), `${role} ${permission}`).toBe(granted);
      // Renderer tests describe each role by the same map, never by a copy of it.
      expect(userCan(fixture, permission), `fixture ${role} ${permission}`).toBe(granted);
    }
    expect(fixture.role).toBe(role);
  });

  it('gives the roles the rights the office expects (no copy to drift from)', () => {
    expect(permissionsOf('viewer').has('routers.read')).toBe(true);
    expect(permissionsOf('viewer').has('jobs.read')).toBe(true);
    expect(permissionsOf('administrator').has('jobs.run')).toBe(true);
    expect([...permissionsOf('administrator')].sort()).toEqual([...PERMISSIONS].sort());
  });
});
