import { createContext, useContext } from 'react';
import type { BillingSettings } from '@contract/schemas/settings';
import { currencyOf, formatMoney, type Currency } from '@domain/money';
import { officeClock, type OfficeClock } from '../../lib/office-time';

/** The office's currency and time zone, with the formatters every money screen needs. */
export type Office = {
  settings: BillingSettings;
  currency: Currency;
  timeZone: string;
  clock: OfficeClock;
  money: (amount: number) => string;
  dateTime: (ms: number) => string;
  day: (ms: number) => string;
  today: () => string;
};

export const officeFrom = (settings: BillingSettings): Office => {
  const currency = currencyOf(settings);
  const timeZone = settings.timeZone;
  const clock = officeClock(timeZone);
  return {
    settings,
    currency,
    timeZone,
    clock,
    money: (amount) => formatMoney(amount, currency),
    dateTime: clock.dateTimeShort,
    day: clock.day,
    today: () => clock.day(Date.now()),
  };
};

export const OfficeContext = createContext<Office | null>(null);

/** The office settings; only inside `<OfficeGate>`. */
export function useOffice(): Office {
  const office = useContext(OfficeContext);
  if (!office) throw new Error('useOffice must be used inside <OfficeGate>');
  return office;
}
