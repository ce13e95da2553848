import { Button } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify';

/**
 * "Save as PDF", in the Electron window only (the browser's own print dialog saves PDFs there).
 * The main process prints the page with its print stylesheet, so the PDF looks like the paper.
 */
export function SavePdfButton({ fileName }: { fileName: string }) {
  const [busy, setBusy] = useState(false);
  const bridge = typeof window === 'undefined' ? undefined : window.ispdesk;
  if (!bridge) return null;
  const save = async () => {
    setBusy(true);
    try {
      const result = await bridge.savePdf(fileName);
      if (!result.ok) notifyError(new Error(result.error.message), 'Could not save the PDF');
      else if (result.value) notifySuccess(result.value.path, 'PDF saved');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" loading={busy} onClick={() => void save()}>
      Save as PDF
    </Button>
  );
}
