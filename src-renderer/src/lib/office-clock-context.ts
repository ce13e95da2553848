import { createContext, useContext } from 'react';
import type { OfficeClock } from './office-time';

export const OfficeClockContext = createContext<OfficeClock | null>(null);

/** The office's clock (zone and formatters); only inside `<OfficeGate>`, which loads the zone. */
export function useOfficeClock(): OfficeClock {
  const clock = useContext(OfficeClockContext);
  if (!clock) throw new Error('useOfficeClock must be used inside <OfficeGate>');
  return clock;
}
