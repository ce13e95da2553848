import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SharingStatus } from '@contract/schemas/sharing';
import { createFakeTransport, fakeFieldError } from '../../test-utils/fake-transport';
import { renderWithProviders } from '../../test-utils/render';
import { SharingPanel } from './SharingPanel';

const OFF: SharingStatus = {
  available: true,
  enabled: false,
  port: 5180,
  url: null,
  problem: null,
};

/** The desktop app's transport (the preload bridge is there), with a sharing status to change. */
const desktop = (start: SharingStatus, refuse?: string) => {
  let current = start;
  return createFakeTransport(
    {
      'sharing.status': () => current,
      'sharing.update': (input) => {
        const next = { ...current, ...input };
        const problem = next.enabled && refuse ? refuse : null;
        current = {
          ...next,
          problem,
          url: next.enabled && !problem ? `http://192.168.1.20:${String(next.port)}/` : null,
        };
        return current;
      },
    },
    undefined,
    'ipc',
  );
};

describe('Share this workstation with the office', () => {
  it('in the desktop app: turns sharing on and shows the address to open', async () => {
    const transport = desktop(OFF);
    renderWithProviders(<SharingPanel />, transport);
    const panel = await screen.findByRole('region', {
      name: 'Share this workstation with the office',
    });
    const toggle = await within(panel).findByRole('switch', {
      name: 'Let other workstations on this network use ISP Desk',
    });
    expect(toggle).not.toBeChecked();
    fireEvent.click(toggle);
    expect(await within(panel).findByText('http://192.168.1.20:5180/')).toBeVisible();
    expect(transport.inputsOf('sharing.update')).toEqual([{ enabled: true }]);

    fireEvent.change(within(panel).getByLabelText(/^Port/), { target: { value: '8080' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save port' }));
    expect(await within(panel).findByText('http://192.168.1.20:8080/')).toBeVisible();
    expect(transport.inputsOf('sharing.update').at(-1)).toEqual({ port: 8080 });
  });

  it('says why it is not shared, and can try again', async () => {
    const transport = desktop(OFF, 'port 5180 is already used by another program on this computer');
    renderWithProviders(<SharingPanel />, transport);
    fireEvent.click(await screen.findByRole('switch'));
    expect(
      await screen.findByText(
        'This workstation could not be shared: port 5180 is already used by another program on this computer.',
      ),
    ).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(transport.inputsOf('sharing.update')).toHaveLength(2));
  });

  it('shows the server’s refusal of a bad port', async () => {
    const transport = createFakeTransport(
      {
        'sharing.status': () => OFF,
        'sharing.update': () =>
          fakeFieldError('validation', {
            path: ['port'],
            message: 'Port must be from 1024 to 65535',
          }),
      },
      undefined,
      'ipc',
    );
    renderWithProviders(<SharingPanel />, transport);
    fireEvent.change(await screen.findByLabelText(/^Port/), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save port' }));
    expect(await screen.findByText('Port must be from 1024 to 65535')).toBeVisible();
  });

  it('in a browser: explains where sharing is set, and asks nothing of the server', () => {
    const transport = createFakeTransport({});
    renderWithProviders(<SharingPanel />, transport);
    expect(screen.getByText(/Sharing is turned on in the desktop app/)).toBeVisible();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(transport.calls).toEqual([]);
  });
});
