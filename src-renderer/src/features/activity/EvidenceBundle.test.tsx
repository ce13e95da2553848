import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { makeEntries } from '../../test-utils/fake-activity-log';
import { staffUser } from '../../test-utils/office-fixtures';

const openDialog = async () => {
  await screen.findByText('3 entries');
  fireEvent.click(screen.getByRole('button', { name: 'Export formats' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Evidence bundle…' }));
  return screen.findByRole('dialog', { name: 'Evidence bundle for an auditor' });
};

describe('evidence bundle', () => {
  it('downloads the office days chosen, with the screen filter when asked', async () => {
    const { transport } = renderActivityApp({
      path: '/activity?ip=10.0.',
      entries: makeEntries(3),
      timeZone: 'Africa/Nairobi',
      download: () => ({ ok: true, value: { kind: 'downloaded', filename: 'evidence.tar' } }),
    });
    const dialog = await openDialog();
    const first = await within(dialog).findByLabelText('First day');
    expect((first as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(first, { target: { value: '2030-01-15' } });
    fireEvent.change(within(dialog).getByLabelText('Last day'), {
      target: { value: '2030-01-14' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make bundle' }));
    expect(await within(dialog).findByText('The range ends before it starts')).toBeInTheDocument();
    expect(transport.downloads).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Last day'), {
      target: { value: '2030-01-16' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Only the entries matching/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make bundle' }));
    await waitFor(() =>
      expect(transport.downloads).toEqual([
        {
          name: 'activity.bundle',
          // Whole days in Nairobi (UTC+3), whatever the machine's zone.
          input: {
            from: Date.UTC(2030, 0, 14, 21),
            to: Date.UTC(2030, 0, 16, 21) - 1,
            filter: { ip: '10.0.' },
          },
        },
      ]),
    );
    expect(await screen.findByText('Evidence bundle ready')).toBeInTheDocument();
  });

  it('is offered to administrators only', async () => {
    renderActivityApp({ entries: makeEntries(3), user: staffUser('viewer') });
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export formats' }));
    await screen.findByRole('menuitem', { name: 'Export CSV' });
    expect(screen.queryByRole('menuitem', { name: 'Evidence bundle…' })).toBeNull();
  });
});
