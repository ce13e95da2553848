import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderWithProviders } from '../../test-utils/render';
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
      ['plan', 'Basic 10M', 'Pro 50M'],
      ['price', '20', '35'],
      ['notes', 'x', '(not set)'],
      ['router', '(not set)', 'R1'],
    ]);
    expect(within(table).queryByText('status')).not.toBeInTheDocument();
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
});
