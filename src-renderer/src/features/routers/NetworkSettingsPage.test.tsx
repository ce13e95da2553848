import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NetworkSettings } from '@contract/schemas/routers';
import { createFakeTransport, fakeFieldError } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { networkSettingsChanges, networkSettingsToForm } from './network-settings-form';
import { staffUser } from '../../test-utils/office-fixtures';

const SETTINGS: NetworkSettings = {
  autoSyncIntervalMin: 60,
  autoSyncFix: false,
  expiryIntervalMin: 5,
  cpuThresholdPct: 90,
  memoryThresholdPct: 90,
};

function renderSettings(user = adminUser()) {
  let current = SETTINGS;
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user }),
    'routers.settings': () => current,
    'routers.updateSettings': (input) => {
      if (input.memoryThresholdPct === 99) {
        return fakeFieldError('validation', {
          path: ['memoryThresholdPct'],
          message: 'Refused by the server',
        });
      }
      current = { ...current, ...input };
      return current;
    },
  });
  return { transport, ...renderApp(transport, '/routers/settings') };
}

describe('Network settings', () => {
  it('sends only what changed, and says which numbers are out of range', () => {
    const form = networkSettingsToForm(SETTINGS);
    expect(form.autoSyncMode).toBe('report');
    expect(networkSettingsChanges(SETTINGS, form)).toEqual({ ok: true, input: null });
    expect(
      networkSettingsChanges(SETTINGS, { ...form, autoSyncMode: 'fix', expiryIntervalMin: ' 2 ' }),
    ).toEqual({ ok: true, input: { autoSyncFix: true, expiryIntervalMin: 2 } });
    expect(
      networkSettingsChanges(SETTINGS, {
        ...form,
        autoSyncIntervalMin: '4',
        expiryIntervalMin: '1.5',
        cpuThresholdPct: '101',
        memoryThresholdPct: '',
      }),
    ).toEqual({
      ok: false,
      errors: {
        autoSyncIntervalMin: 'Auto-sync interval must be at least 5 minutes',
        expiryIntervalMin: 'Expiry interval must be a whole number',
        cpuThresholdPct: 'CPU threshold must be at most 100%',
        memoryThresholdPct: 'Memory threshold must be a whole number',
      },
    });
  });

  it('shows the current settings, refuses bad values next to the field, then saves', async () => {
    const { transport } = renderSettings();
    const form = await screen.findByRole('form', { name: 'Network settings' });
    const interval = within(form).getByLabelText('Expiry interval (minutes)');
    expect(interval).toHaveValue('5');
    expect(within(form).getByLabelText('Only report it')).toBeChecked();

    fireEvent.change(interval, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save network settings' }));
    expect(
      await within(form).findByText('Expiry interval must be at least 1 minute'),
    ).toBeVisible();
    expect(transport.inputsOf('routers.updateSettings')).toEqual([]);

    fireEvent.change(interval, { target: { value: '1' } });
    fireEvent.click(within(form).getByLabelText('Fix it automatically'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save network settings' }));
    await waitFor(() =>
      expect(transport.inputsOf('routers.updateSettings')).toEqual([
        { expiryIntervalMin: 1, autoSyncFix: true },
      ]),
    );
    expect(await screen.findByText('Network settings saved.')).toBeVisible();
  });

  it('shows the server’s refusal next to its field', async () => {
    renderSettings();
    const form = await screen.findByRole('form', { name: 'Network settings' });
    fireEvent.change(within(form).getByLabelText('Memory threshold (%)'), {
      target: { value: '99' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save network settings' }));
    expect(await within(form).findByText('Refused by the server')).toBeVisible();
  });

  it('is read-only for staff who may only read routers (a viewer)', async () => {
    renderSettings(staffUser('viewer'));
    const form = await screen.findByRole('form', { name: 'Network settings' });
    expect(within(form).getByLabelText('Auto-sync interval (minutes)')).toHaveAttribute('readonly');
    expect(within(form).getByLabelText('Fix it automatically')).toBeDisabled();
    expect(within(form).queryByRole('button', { name: 'Save network settings' })).toBeNull();
  });
});
