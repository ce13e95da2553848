import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser, staffMember } from '../../test-utils/fixtures';
import { activityEntry } from '../../test-utils/fixtures';
import { officeSettings } from '../../test-utils/office-fixtures';
import { renderApp } from '../../test-utils/render';

/** 12:00 UTC is 15:00 in Nairobi (UTC+3, no daylight saving); the test process runs in any zone. */
const NOON_UTC = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('times in the office zone (Africa/Nairobi)', () => {
  it('shows the log table and the entry drawer in office time, and names the zone', async () => {
    renderActivityApp({
      timeZone: 'Africa/Nairobi',
      entries: [activityEntry(1, { ts: NOON_UTC })],
    });
    // The first render of the whole app in a file is slow on a busy machine: wait longer for it.
    const table = await screen.findByRole(
      'table',
      { name: 'Activity log entries' },
      { timeout: 15_000 },
    );
    expect(within(table).getByRole('columnheader', { name: 'Time (EAT)' })).toBeInTheDocument();
    expect(within(table).getByText('2025-01-15 15:00:00')).toBeInTheDocument();
    expect(within(table).queryByText('2025-01-15 12:00:00')).not.toBeInTheDocument();

    fireEvent.click(within(table).getByRole('button', { name: 'Open entry 1' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Time (EAT)')).toBeInTheDocument();
    expect(within(drawer).getByText('2025-01-15 15:00:00')).toBeInTheDocument();
  });

  it('searches a picked day as the office day, whatever the machine zone', async () => {
    const { lastInput } = renderActivityApp({
      timeZone: 'Africa/Nairobi',
      path: '/activity?from=2025-01-15&to=2025-01-15',
    });
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({
        from: Date.UTC(2025, 0, 14, 21, 0),
        to: Date.UTC(2025, 0, 15, 21, 0) - 1,
      }),
    );
  });

  it("shows staff's last sign-in in office time", async () => {
    const transport = createFakeTransport({
      'settings.get': () => officeSettings('Africa/Nairobi'),
      'auth.status': () => ({ setupRequired: false, user: adminUser() }),
      'staff.list': () => [staffMember(2, { username: 'carla', lastLoginAt: NOON_UTC })],
    });
    renderApp(transport, '/staff');
    expect(await screen.findByText('2025-01-15 15:00')).toBeInTheDocument();
  });
});
