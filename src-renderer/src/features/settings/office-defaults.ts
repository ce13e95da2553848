import { TimeZoneSchema } from '@contract/schemas/settings';
import { machineTimeZone } from '../../lib/office-time';

/** The currency of the regions ISP Desk offices are in most, by ISO 3166 region code. */
const CURRENCY_OF_REGION: Record<string, string> = {
  KE: 'KES',
  UG: 'UGX',
  TZ: 'TZS',
  RW: 'RWF',
  BI: 'BIF',
  ET: 'ETB',
  SS: 'SSP',
  SO: 'SOS',
  NG: 'NGN',
  GH: 'GHS',
  ZA: 'ZAR',
  ZM: 'ZMW',
  MW: 'MWK',
  MZ: 'MZN',
  CD: 'CDF',
  CM: 'XAF',
  SN: 'XOF',
  CI: 'XOF',
  EG: 'EGP',
  MA: 'MAD',
  IN: 'INR',
  PK: 'PKR',
  BD: 'BDT',
  NP: 'NPR',
  LK: 'LKR',
  PH: 'PHP',
  ID: 'IDR',
  MY: 'MYR',
  VN: 'VND',
  BR: 'BRL',
  MX: 'MXN',
  CO: 'COP',
  PE: 'PEN',
  AR: 'ARS',
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  DE: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  PT: 'EUR',
  IE: 'EUR',
};

/** Every IANA time zone this browser knows, for the time zone pickers. */
export const officeTimeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/** Digits after the decimal point of a currency, as Intl knows them (2 when it does not). */
export const currencyDigits = (code: string): number => {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
};

/**
 * First-run defaults from the machine: its time zone (checked the way the server checks it) and
 * the currency of its locale's region; otherwise what the office has now.
 */
export function machineDefaults(
  current: { currencyCode: string; timeZone: string },
  machine: { locale: string; timeZone: string | undefined } = {
    locale: navigator.language,
    timeZone: machineTimeZone(),
  },
): { currencyCode: string; minorUnitDigits: number; timeZone: string } {
  const zone = TimeZoneSchema.safeParse(machine.timeZone ?? '');
  let region: string | undefined;
  try {
    region = new Intl.Locale(machine.locale).maximize().region;
  } catch {
    region = undefined;
  }
  const currencyCode = (region && CURRENCY_OF_REGION[region]) ?? current.currencyCode;
  return {
    currencyCode,
    minorUnitDigits: currencyDigits(currencyCode),
    timeZone: zone.success ? zone.data : current.timeZone,
  };
}
