import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IspDeskBridge } from '@contract/bridge';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderWithProviders } from '../../test-utils/render';
import { SavePdfButton } from './SavePdfButton';

describe('SavePdfButton', () => {
  afterEach(() => {
    delete window.ispdesk;
  });

  it('is absent in a browser, where the print dialog saves PDFs', () => {
    renderWithProviders(<SavePdfButton fileName="receipt-1" />, createFakeTransport({}));
    expect(screen.queryByRole('button', { name: 'Save as PDF' })).toBeNull();
  });

  it('asks the Electron shell to save the page as a PDF', async () => {
    const savePdf = vi.fn<IspDeskBridge['savePdf']>(() =>
      Promise.resolve({ ok: true, value: { path: '/tmp/receipt-1.pdf' } }),
    );
    window.ispdesk = { savePdf } as unknown as IspDeskBridge;
    renderWithProviders(<SavePdfButton fileName="receipt-1" />, createFakeTransport({}));
    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await waitFor(() => expect(savePdf).toHaveBeenCalledWith('receipt-1'));
  });
});
