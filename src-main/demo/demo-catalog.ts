import type { In } from '../contract/api';
import type { Role } from '../contract/roles';
import type { VersionName } from '../routeros-sim/engine/profiles';

/**
 * The demo office: a small wireless ISP in Nairobi. Everything here is invented; the names are
 * common Kenyan names put together at random.
 */

/** Every demo account signs in with this password (printed, and shown on the demo sign-in). */
export const DEMO_PASSWORD = 'demo-office-2026';

export type DemoStaff = {
  key: 'admin' | 'grace' | 'peter' | 'tom';
  username: string;
  displayName: string;
  role: Role;
  ip: string;
  workstation: string;
};

export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    key: 'admin',
    username: 'admin',
    displayName: 'Amina Hassan',
    role: 'administrator',
    ip: '10.10.0.5',
    workstation: 'Back office',
  },
  {
    key: 'grace',
    username: 'grace',
    displayName: 'Grace Wanjiru',
    role: 'cashier',
    ip: '10.10.0.21',
    workstation: 'Front desk 1',
  },
  {
    key: 'peter',
    username: 'peter',
    displayName: 'Peter Kamau',
    role: 'cashier',
    ip: '10.10.0.22',
    workstation: 'Front desk 2',
  },
  {
    key: 'tom',
    username: 'tom',
    displayName: 'Tom Otieno',
    role: 'technician',
    ip: '10.10.0.31',
    workstation: 'Field laptop',
  },
];

export const DEMO_SETTINGS: In<'settings.update'> = {
  currencyCode: 'KES',
  minorUnitDigits: 2,
  timeZone: 'Africa/Nairobi',
  accountPrefix: 'RW-',
};

/** Office hours are reckoned in Nairobi time (UTC+3, no daylight saving). */
export const OFFICE_UTC_OFFSET_MS = 3 * 3_600_000;

export type DemoRouter = {
  name: string;
  identity: string;
  version: VersionName;
  /** Preferred local port of its simulator; another is chosen when this one is taken. */
  port: number;
  /** Share of the clients it serves. */
  weight: number;
  area: readonly string[];
};

export const DEMO_ROUTER_USER = { name: 'ispdesk', password: 'demo-router-api' } as const;

export const DEMO_ROUTERS: readonly DemoRouter[] = [
  {
    name: 'Kasarani Tower',
    identity: 'RW-Kasarani',
    version: '7.16',
    port: 18728,
    weight: 35,
    area: ['Kasarani', 'Mwiki', 'Roysambu', 'Zimmerman'],
  },
  {
    name: 'Langata Tower',
    identity: 'RW-Langata',
    version: '7.19',
    port: 18729,
    weight: 30,
    area: ['Langata', 'Karen', 'Otiende', 'Nairobi West'],
  },
  {
    name: 'CBD Hub',
    identity: 'RW-CBD',
    version: '6.49',
    port: 18730,
    weight: 20,
    area: ['Moi Avenue', 'Tom Mboya Street', 'River Road', 'Kimathi Street'],
  },
  {
    name: 'Kilimani POP',
    identity: 'RW-Kilimani',
    version: '7.9',
    port: 18731,
    weight: 15,
    area: ['Kilimani', 'Hurlingham', 'Kileleshwa', 'Lavington'],
  },
];

export type DemoPlanKey = 'home5' | 'home8' | 'home10' | 'home20' | 'biz50' | 'weekly' | 'hotspot';

export type DemoPlan = { key: DemoPlanKey; weight: number; input: In<'plans.create'> };

const isolate = { expiryAction: 'isolate', isolationProfile: 'expired', graceDays: 2 } as const;

export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    key: 'home5',
    weight: 25,
    input: {
      name: 'Home 5M',
      serviceType: 'pppoe',
      rateDownKbps: 5_000,
      rateUpKbps: 2_000,
      price: 150_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'home-5m',
      ...isolate,
    },
  },
  {
    // Retired in the second month: its clients move to Home 10M.
    key: 'home8',
    weight: 6,
    input: {
      name: 'Home 8M (2025)',
      serviceType: 'pppoe',
      rateDownKbps: 8_000,
      rateUpKbps: 3_000,
      price: 220_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'home-8m',
      ...isolate,
    },
  },
  {
    key: 'home10',
    weight: 30,
    input: {
      name: 'Home 10M',
      serviceType: 'pppoe',
      rateDownKbps: 10_000,
      rateUpKbps: 5_000,
      price: 250_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'home-10m',
      ...isolate,
    },
  },
  {
    key: 'home20',
    weight: 15,
    input: {
      name: 'Home 20M',
      serviceType: 'pppoe',
      rateDownKbps: 20_000,
      rateUpKbps: 10_000,
      burst: {
        downKbps: 30_000,
        upKbps: 15_000,
        thresholdDownKbps: 15_000,
        thresholdUpKbps: 7_500,
        timeSeconds: 16,
      },
      price: 350_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'home-20m',
      ...isolate,
    },
  },
  {
    key: 'biz50',
    weight: 6,
    input: {
      name: 'Business 50M',
      serviceType: 'pppoe',
      rateDownKbps: 50_000,
      rateUpKbps: 25_000,
      price: 900_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'business-50m',
      expiryAction: 'disable',
      graceDays: 5,
    },
  },
  {
    key: 'weekly',
    weight: 3,
    input: {
      name: 'Weekly 4M',
      serviceType: 'pppoe',
      rateDownKbps: 4_000,
      rateUpKbps: 2_000,
      price: 45_000,
      validity: { unit: 'days', count: 7 },
      routerProfile: 'weekly-4m',
      ...isolate,
      graceDays: 0,
    },
  },
  {
    key: 'hotspot',
    weight: 8,
    input: {
      name: 'Hotspot Monthly',
      serviceType: 'hotspot',
      rateDownKbps: 3_000,
      rateUpKbps: 1_000,
      price: 80_000,
      validity: { unit: 'months', count: 1 },
      routerProfile: 'hotspot-3m',
      expiryAction: 'disable',
    },
  },
];

export const FIRST_NAMES: readonly string[] = (
  'Achieng Akinyi Amani Anyango Baraka Brian Caroline Chebet Daniel David Dennis Esther ' +
  'Eunice Faith Fatuma George Halima Hassan Ian Irene James Jane Jeremiah John Joseph Joy ' +
  'Kevin Kibet Lilian Lucy Mary Mercy Moses Mumbua Nafula Naliaka Nancy Njeri Nyambura ' +
  'Odhiambo Omondi Otieno Paul Purity Rose Ruth Salim Samuel Sharon Stephen Susan Wairimu ' +
  'Wambui Wanjiku Wekesa Zawadi'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Achieng Barasa Chege Cheruiyot Gitau Juma Kamau Kariuki Kibet Kimani Kiprop Koech Korir ' +
  'Langat Macharia Maina Mbugua Mohamed Muriuki Musyoka Mutai Mutua Mwangi Njoroge Nyaga ' +
  'Ochieng Odera Ogola Okoth Omollo Onyango Otieno Owino Rotich Ruto Wafula Wambua Wanjala ' +
  'Waweru Were'
).split(' ');

export const BUSINESS_NAMES: readonly string[] = (
  'Baraka Cyber Café|Mama Njeri Groceries|Uhuru Pharmacy|Sokoni Hardware|' +
  'Kilele Dental Clinic|Jamii Tailors|Tumaini Academy|Safari Car Wash|Neema Beauty Parlour|' +
  'Kito Print Shop|Simba Auto Spares|Amani Guest House|Zuri Bakery|Pamoja Sacco|' +
  'Nuru Electronics|Bidii Hardware'
).split('|');

export const STREETS: readonly string[] = [
  'Road',
  'Avenue',
  'Close',
  'Lane',
  'Drive',
  'Crescent',
  'Estate',
  'Court',
];
