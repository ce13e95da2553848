import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { OfficeClockContext } from '../../lib/office-clock-context';
import { OfficeContext, officeFrom } from './office-context';

export const useBillingSettings = () =>
  useApiQuery('settings.get', undefined, { staleTime: 60_000 });

/** The office profile (name, address, …), as receipts and the first-run setup show it. */
export const useOfficeProfile = () =>
  useApiQuery('office.profile', undefined, { staleTime: 60_000 });

/** Loads the office's currency and time zone once, then renders its children with them. */
export function OfficeGate({ children }: { children: ReactNode }) {
  const settings = useBillingSettings();
  const office = useMemo(() => (settings.data ? officeFrom(settings.data) : null), [settings.data]);
  if (office) {
    return (
      <OfficeContext value={office}>
        <OfficeClockContext value={office.clock}>{children}</OfficeClockContext>
      </OfficeContext>
    );
  }
  if (settings.isError) {
    return (
      <ErrorState
        title="Could not load the office settings"
        error={settings.error}
        onRetry={() => void settings.refetch()}
      />
    );
  }
  return <LoadingState label="Loading office settings…" />;
}
