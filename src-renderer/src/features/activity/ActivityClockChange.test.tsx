import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@contract/schemas/activity';
import { officeClock } from '../../lib/office-time';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { activityEntry, adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { officeSettings } from '../../test-utils/office-fixtures';

const { dateTime: formatDateTime } = officeClock('UTC');
const HELD = Date.UTC(2030, 0, 15, 9, 0, 0);
const READ = HELD - 30 * 86_400_000;

function renderLog(entries: ActivityEntry[]) {
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({ setupRequired: false, user: adminUser() }),
    'activity.search': () => ({
      entries,
      nextCursor: null,
      total: { count: entries.length, capped: false },
    }),
    'staff.list': () => [],
  });
  return renderApp(transport, '/activity');
}

describe('Activity log after the computer clock was turned back', () => {
  it('says so above the entries and notes what the clock read under each held time', async () => {
    renderLog([
      activityEntry(3, {
        ts: HELD,
        event: 'payment.recorded',
        description: 'carla took a payment',
        details: { amount: 500, clockRead: READ },
      }),
      activityEntry(2, {
        ts: HELD,
        type: 'system',
        event: 'system.clock_changed',
        outcome: 'failure',
        description: "The computer's clock was turned back by 30d",
        details: { before: HELD, after: READ },
      }),
      activityEntry(1, { ts: HELD - 60_000 }),
    ]);
    expect(await screen.findByTestId('clock-change-banner')).toHaveTextContent(
      "The computer's clock was changed near these entries",
    );
    const rows = within(screen.getByRole('table', { name: 'Activity log entries' })).getAllByRole(
      'row',
    );
    expect(rows[1]).toHaveTextContent(`clock read ${formatDateTime(READ)}`);
    expect(within(rows[2] as HTMLElement).queryByTestId('clock-note')).toBeNull();
    expect(screen.getAllByTestId('clock-note')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Open entry 3' }));
    expect(await screen.findByText(/the computer's clock was behind the log/)).toHaveTextContent(
      formatDateTime(READ),
    );
  });

  it('shows no such notice for an ordinary page', async () => {
    renderLog([activityEntry(2), activityEntry(1)]);
    expect(await screen.findByText('Updated client #2')).toBeInTheDocument();
    expect(screen.queryByTestId('clock-change-banner')).toBeNull();
    expect(screen.queryByTestId('clock-note')).toBeNull();
  });
});
