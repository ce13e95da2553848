import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { In } from '@contract/api';
import { NEW_OFFICE_PROFILE, type BillingSettings } from '@contract/schemas/settings';
import { createFakeTransport, FakeError } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { GLANCE, SETTINGS, staffUser } from '../../test-utils/office-fixtures';

function renderSetup(opts: { plans?: { id: number; name: string; price: number }[] } = {}) {
  let settings: BillingSettings = SETTINGS;
  let profile = NEW_OFFICE_PROFILE;
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser('administrator') }),
    'settings.get': () => settings,
    'office.profile': () => profile,
    'settings.update': (input: In<'settings.update'>) => {
      const { relabelPlanPrices, ...changes } = input;
      if (changes.currencyCode && opts.plans && relabelPlanPrices !== true) {
        return new FakeError('conflict', 'Plan prices keep their numbers.', { plans: opts.plans });
      }
      settings = { ...settings, ...changes };
      return settings;
    },
    'office.updateProfile': (input) => {
      profile = { ...profile, ...input };
      return profile;
    },
    'reports.dashboard': () => ({
      counts: {
        active: 0,
        expired: 0,
        expiringSoon: 0,
        awaitingPayment: 0,
        suspended: 0,
        disabled: 0,
        archived: 0,
      },
      expiringWithinDays: 7,
      todayIncome: 0,
      currency: { code: settings.currencyCode, minorUnitDigits: settings.minorUnitDigits },
      recentActivity: [],
      glance: GLANCE,
    }),
  });
  return { transport, ...renderApp(transport, '/setup/office') };
}

const fill = (form: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(form).getByLabelText(label, { exact: false }), { target: { value } });

describe('the first-run office profile', { timeout: 60_000 }, () => {
  it('asks for the business name before anything is saved', async () => {
    const { transport } = renderSetup();
    const form = await screen.findByRole('form', { name: 'Office profile' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save and continue' }));
    expect(await within(form).findByText('Business name is required')).toBeVisible();
    expect(transport.inputsOf('office.updateProfile')).toEqual([]);
    expect(transport.inputsOf('settings.update')).toEqual([]);
  });

  it('saves the profile and the currency, confirming that plan prices are relabelled, then goes to the dashboard', async () => {
    const { transport } = renderSetup({ plans: [{ id: 3, name: 'Home 10M', price: 250_000 }] });
    const form = await screen.findByRole('form', { name: 'Office profile' });
    fill(form, 'Business name', 'Kampala Fibre');
    fill(form, 'Address', 'Plot 4, Kampala Rd');
    fill(form, 'Phone', '+256 700 000 000');
    fill(form, 'Tax or registration number', '1000234567');
    fill(form, 'Receipt footer', 'Thank you for choosing us');
    fill(form, 'Currency code', 'ugx');
    fireEvent.click(within(form).getByRole('button', { name: 'Save and continue' }));

    const dialog = await screen.findByRole('dialog', { name: 'Relabel plan prices?' });
    expect(within(dialog).getByRole('list', { name: 'Plans relabelled' })).toHaveTextContent(
      'Home 10M: KES 2,500.00 → UGX 250,000',
    );
    expect(transport.inputsOf('office.updateProfile')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Relabel and use UGX' }));

    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    expect(transport.inputsOf('settings.update').at(-1)).toEqual(
      expect.objectContaining({ currencyCode: 'UGX', minorUnitDigits: 0, relabelPlanPrices: true }),
    );
    expect(transport.inputsOf('office.updateProfile')).toEqual([
      {
        businessName: 'Kampala Fibre',
        address: 'Plot 4, Kampala Rd',
        phone: '+256 700 000 000',
        registrationNumber: '1000234567',
        receiptFooter: 'Thank you for choosing us',
        setupDone: true,
      },
    ]);
  });

  it('can be skipped: nothing is saved and the dashboard keeps the reminder', async () => {
    const { transport } = renderSetup();
    const form = await screen.findByRole('form', { name: 'Office profile' });
    fireEvent.click(within(form).getByRole('button', { name: 'Skip for now' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await waitFor(() => expect(transport.inputsOf('reports.dashboard').length).toBeGreaterThan(0));
    expect(transport.inputsOf('office.updateProfile')).toEqual([]);
    expect(transport.inputsOf('settings.update')).toEqual([]);
  });
});
