import { describe, expect, it } from 'vitest';
import { currencyDigits, machineDefaults } from './office-defaults';

const NOW = { currencyCode: 'USD', timeZone: 'UTC' };

describe('first-run defaults from the machine', () => {
  it('takes the zone and the currency of the locale’s region', () => {
    expect(machineDefaults(NOW, { locale: 'en-KE', timeZone: 'Africa/Nairobi' })).toEqual({
      currencyCode: 'KES',
      minorUnitDigits: 2,
      timeZone: 'Africa/Nairobi',
    });
    expect(machineDefaults(NOW, { locale: 'sw-UG', timeZone: 'Africa/Kampala' })).toEqual({
      currencyCode: 'UGX',
      minorUnitDigits: 0,
      timeZone: 'Africa/Kampala',
    });
  });

  it('keeps the office’s own values for an unknown region or an invalid zone', () => {
    expect(machineDefaults(NOW, { locale: 'xx', timeZone: 'Mars/Olympus' })).toEqual({
      currencyCode: 'USD',
      minorUnitDigits: 2,
      timeZone: 'UTC',
    });
    expect(machineDefaults(NOW, { locale: 'not a locale!', timeZone: undefined }).timeZone).toBe(
      'UTC',
    );
  });

  it('knows the digits of a currency from Intl', () => {
    expect([currencyDigits('KES'), currencyDigits('UGX'), currencyDigits('KWD')]).toEqual([
      2, 0, 3,
    ]);
  });
});
