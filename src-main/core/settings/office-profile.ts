import type Database from 'better-sqlite3';
import {
  NEW_OFFICE_PROFILE,
  type OfficeProfile,
  type UpdateOfficeProfile,
} from '../../contract/schemas/settings';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsGroup } from './settings-group';

const KEYS: Record<keyof OfficeProfile, string> = {
  businessName: 'office.business_name',
  address: 'office.address',
  phone: 'office.phone',
  registrationNumber: 'office.registration_number',
  receiptFooter: 'office.receipt_footer',
  setupDone: 'office.setup_done',
};

/**
 * Who the office is (name, address, phone, registration number, receipt footer), printed on
 * receipts; every change is logged with its before and after values, like the other settings.
 */
export const createOfficeProfile = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
}) => {
  const group = createSettingsGroup<OfficeProfile>({
    ...deps,
    keys: KEYS,
    defaults: NEW_OFFICE_PROFILE,
    event: 'settings.updated',
    target: { id: 'office', label: 'Office profile' },
  });
  return {
    get: group.get,
    update: (input: UpdateOfficeProfile, ctx: ServiceContext & { actor: Actor }): OfficeProfile =>
      group.update(input, ctx),
  };
};

export type OfficeProfileService = ReturnType<typeof createOfficeProfile>;
