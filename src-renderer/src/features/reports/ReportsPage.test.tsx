import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@contract/roles';
import { createFakeTransport } from '../../test-utils/fake-transport';
import classes from './IncomeReport.module.css';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, client, listItem, staffUser } from '../../test-utils/office-fixtures';

const KES = { code: 'KES', minorUnitDigits: 2 };
const sum = (count: number, amount: number) => ({ count, amount });

function renderReports(role: Role, path: string) {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'reports.drawer': ({ day }) => ({
      day,
      timeZone: 'Africa/Nairobi',
      from: Date.UTC(2025, 0, 14, 21),
      to: Date.UTC(2025, 0, 15, 21),
      currency: KES,
      rows: [
        {
          staffId: 2,
          staffName: 'Carla Cashier',
          method: 'cash',
          payments: sum(3, 750_000),
          refunds: sum(1, 50_000),
          voids: sum(0, 0),
          net: 700_000,
        },
        {
          staffId: 2,
          staffName: 'Carla Cashier',
          method: 'mobile_money',
          payments: sum(1, 250_000),
          refunds: sum(0, 0),
          voids: sum(1, 250_000),
          net: 0,
        },
      ],
      totals: {
        payments: sum(4, 1_000_000),
        refunds: sum(1, 50_000),
        voids: sum(1, 250_000),
        net: 700_000,
      },
    }),
    'reports.income': () => ({
      timeZone: 'Africa/Nairobi',
      currency: KES,
      buckets: [
        { period: '2025-01-14', payments: 0, refunds: 0, voids: 0, net: 0 },
        {
          period: '2025-01-15',
          payments: 1_000_000,
          refunds: 50_000,
          voids: 250_000,
          net: 700_000,
        },
        { period: '2025-01-16', payments: 0, refunds: 20_000, voids: 0, net: -20_000 },
      ],
      byMethod: [
        { method: 'cash', payments: 1_000_000, refunds: 70_000, voids: 250_000, net: 680_000 },
      ],
      byPlan: [{ planId: 1, planName: 'Home 10M', renewals: 4, charged: 1_000_000 }],
      totals: { payments: 1_000_000, refunds: 70_000, voids: 250_000, net: 680_000 },
    }),
    'reports.expiring': ({ days }) => ({
      days,
      until: Date.UTC(2025, 0, 22),
      total: { count: 1, capped: false },
      clients: [listItem(client(4, { fullName: 'Esther Wambui' }))],
      nextCursor: null,
    }),
  });
  return { transport, ...renderApp(transport, path) };
}

describe('Reports', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('closes the drawer per staff member and method, and prints it', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { transport } = renderReports('cashier', '/reports');
    const table = await screen.findByRole('table', { name: 'Drawer close' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      'Carla CashierCashKES 7,500.00 (3)KES 500.00 (1)KES 0.00 (0)KES 7,000.00',
    );
    expect(rows[2]).toHaveTextContent('Mobile money');
    expect(screen.getByTestId('drawer-net')).toHaveTextContent('KES 7,000.00');
    // "Today" is the office's day.
    expect(transport.inputsOf('reports.drawer')[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-01-15' } });
    await waitFor(() =>
      expect(transport.inputsOf('reports.drawer').at(-1)).toEqual({ day: '2025-01-15' }),
    );
    expect(await screen.findByRole('heading', { name: 'Drawer close 2025-01-15' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Print drawer close' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('charts income per period, negative nets below the line', async () => {
    renderReports('viewer', '/reports?tab=income');
    const chart = await screen.findByRole('img', { name: /^Net income by day/ });
    const bars = chart.querySelectorAll('rect[data-period]');
    expect([...bars].map((b) => b.getAttribute('data-value'))).toEqual(['0', '700000', '-20000']);
    expect(bars[2]?.querySelector('title')).toHaveTextContent('2025-01-16: -200.00');
    expect(screen.getByTestId('income-Net income')).toHaveTextContent('KES 6,800.00');
    expect(screen.getByRole('table', { name: 'Renewals by plan' })).toHaveTextContent(
      'Home 10M4KES 10,000.00',
    );
    // A y-axis in thousands of KES, from below the lowest net to above the highest.
    const axis = [...within(chart).getByTestId('y-axis').querySelectorAll('text')].map(
      (t) => t.textContent,
    );
    expect(axis).toEqual(['-2K', '0', '2K', '4K', '6K', '8K']);
    // Amounts stay on one line.
    const byMethod = screen.getByRole('table', { name: 'Income by method' });
    const amounts = within(byMethod)
      .getAllByRole('cell')
      .filter((c) => /KES/.test(c.textContent));
    expect(amounts.length).toBeGreaterThan(0);
    for (const cell of amounts) expect(cell).toHaveClass(classes.amount ?? 'amount');
  });

  it('shows a technician only the expiring clients', async () => {
    const { transport } = renderReports('technician', '/reports?tab=drawer');
    expect(await screen.findByRole('table', { name: 'Expiring clients' })).toHaveTextContent(
      'Esther Wambui',
    );
    expect(screen.queryByRole('tab', { name: 'Drawer close' })).not.toBeInTheDocument();
    expect(transport.inputsOf('reports.drawer')).toEqual([]);
    fireEvent.change(screen.getByLabelText('Expiring in the next (days)'), {
      target: { value: '30' },
    });
    await waitFor(() =>
      expect(transport.inputsOf('reports.expiring').at(-1)).toEqual({ days: 30, limit: 100 }),
    );
  });
});
