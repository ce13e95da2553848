import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BillingSettings } from '@contract/schemas/settings';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { PROFILE, SETTINGS, staffUser } from '../../test-utils/office-fixtures';
import { settingsChanges, settingsToForm } from './settings-form';

describe('Settings', () => {
  it('sends only what changed, the limit in exact minor units', () => {
    const form = settingsToForm(SETTINGS);
    expect(form.adjustmentLimit).toBe('1000.00');
    expect(settingsChanges(SETTINGS, form)).toEqual({ ok: true, input: null });
    expect(settingsChanges(SETTINGS, { ...form, adjustmentLimit: '2,500.50' })).toEqual({
      ok: true,
      input: { adjustmentLimit: 250_050 },
    });
    // A currency without minor units reads the limit with its own digits.
    expect(
      settingsChanges(SETTINGS, {
        ...form,
        currencyCode: 'ugx',
        minorUnitDigits: '0',
        adjustmentLimit: '50000',
      }),
    ).toEqual({
      ok: true,
      input: { currencyCode: 'UGX', minorUnitDigits: 0, adjustmentLimit: 50_000 },
    });
    expect(
      settingsChanges(SETTINGS, { ...form, adjustmentLimit: '10.001', currencyCode: 'KE' }),
    ).toEqual({
      ok: false,
      errors: {
        adjustmentLimit: 'At most 2 digits after the decimal point',
        currencyCode: 'Currency must be a three-letter ISO 4217 code',
      },
    });
  });

  it('shows the server’s refusal to change the currency once money exists', async () => {
    let current: BillingSettings = SETTINGS;
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: staffUser('administrator') }),
      'settings.get': () => current,
      'office.profile': () => PROFILE,
      'settings.update': (input) => {
        if (input.currencyCode) {
          return fakeError(
            'conflict',
            'The currency cannot change once money has been recorded: amounts already in the ledger would change meaning.',
          );
        }
        current = { ...current, ...input };
        return current;
      },
    });
    renderApp(transport, '/settings');
    const form = await screen.findByRole('form', { name: 'Billing settings' });
    fireEvent.change(within(form).getByLabelText('Currency code'), { target: { value: 'USD' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(
      await within(form).findByText(/The currency cannot change once money has been recorded/),
    ).toBeVisible();

    fireEvent.change(within(form).getByLabelText('Currency code'), { target: { value: 'KES' } });
    fireEvent.change(within(form).getByLabelText('Adjustment limit'), { target: { value: '750' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(transport.inputsOf('settings.update').at(-1)).toEqual({ adjustmentLimit: 75_000 }),
    );
  });
});
