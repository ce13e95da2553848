import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderWithProviders } from '../../test-utils/render';
import { OfficeClockContext } from '../../lib/office-clock-context';
import { SETTINGS } from '../../test-utils/office-fixtures';
import { OfficeContext, officeFrom } from '../settings/office-context';
import { DetailsDiff } from './DetailsDiff';

const renderDiff = (details: unknown) =>
  renderWithProviders(<DetailsDiff details={details} />, createFakeTransport({}));

describe('DetailsDiff', () => {
  it('shows before → after for the changed keys only', () => {
    renderDiff({
      before: { plan: 'Basic 10M', price: 20, status: 'active', notes: 'x' },
      after: { plan: 'Pro 50M', price: 35, status: 'active', router: 'R1' },
      reason: 'upgrade',
    });

    const table = screen.getByRole('table', { name: 'Changes' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = rows.map((row) => [
      within(row).getByRole('rowheader').textContent,
      ...within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ]);
    expect(cells).toEqual([
      ['Plan', 'Basic 10M', 'Pro 50M'],
      ['Price', '20', '35'],
      ['Notes', 'x', '(not set)'],
      ['Router', '(not set)', 'R1'],
    ]);
    expect(within(table).queryByText('Status')).not.toBeInTheDocument();
    // What else the details held is still shown.
    expect(screen.getByLabelText('Other details')).toHaveTextContent('"reason": "upgrade"');
  });

  it('shows other details as pretty JSON', () => {
    renderDiff({ attempts: 3, before: 'not an object' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Details JSON').textContent).toBe(
      JSON.stringify({ attempts: 3, before: 'not an object' }, null, 2),
    );
  });

  it('says so when nothing changed or nothing was recorded', () => {
    const { unmount } = renderDiff({ before: { a: 1 }, after: { a: 1 } });
    expect(screen.getByText('No fields changed.')).toBeInTheDocument();
    unmount();
    renderDiff(null);
    expect(screen.getByText('No details recorded.')).toBeInTheDocument();
  });

  it('reads in words in the office: money with its currency, labels, office time, debts not green', () => {
    const office = officeFrom(SETTINGS); // KES, Africa/Nairobi
    renderWithProviders(
      <OfficeContext value={office}>
        <OfficeClockContext value={office.clock}>
          <DetailsDiff
            details={{
              before: {
                currencyCode: 'USD',
                price: 8050,
                balance: 0,
                method: 'cash',
                expiresAt: Date.UTC(2027, 0, 6, 12, 0),
              },
              after: {
                currencyCode: 'KES',
                price: 800_000,
                balance: -50_000,
                method: 'mobile_money',
                expiresAt: Date.UTC(2027, 1, 6, 12, 0),
              },
            }}
          />
        </OfficeClockContext>
      </OfficeContext>,
      createFakeTransport({}),
    );
    const table = screen.getByRole('table', { name: 'Changes' });
    const row = (field: string) =>
      within(table).getByRole('rowheader', { name: field }).closest('tr') as HTMLElement;
    expect(row('Currency')).toHaveTextContent('USDKES');
    expect(row('Price')).toHaveTextContent('KES 80.50KES 8,000.00');
    expect(row('Method')).toHaveTextContent('CashMobile money');
    expect(row('Expires')).toHaveTextContent('2027-01-06 15:00:00 EAT2027-02-06 15:00:00 EAT');
    const owed = within(row('Balance')).getByText('-KES 500.00');
    expect(owed).toHaveStyle({ color: 'var(--mantine-color-red-8)' });
    expect(within(table).queryByText('800000')).not.toBeInTheDocument();
  });
});
