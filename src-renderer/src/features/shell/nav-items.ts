import type { Permission } from '@contract/roles';

export type NavItem = {
  to: string;
  label: string;
  /** Hidden (and the route refused) unless the user has this permission. */
  permission?: Permission;
};

export type NavSection = { label: string; items: NavItem[] };

/**
 * The navigation, in order. New screens (Clients, Plans, Payments, Routers) go into the
 * "Operations" section; routes.tsx maps each `to` to its page.
 */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: 'Operations',
    items: [
      { to: '/dashboard', label: 'Dashboard', permission: 'clients.read' },
      { to: '/clients', label: 'Clients', permission: 'clients.read' },
      { to: '/plans', label: 'Plans', permission: 'clients.read' },
      // h15-money: Payments of their own; Reports keeps the drawer, income and expiring lists.
      { to: '/payments', label: 'Payments', permission: 'reports.financial' },
      { to: '/reports', label: 'Reports', permission: 'clients.read' },
      { to: '/routers', label: 'Routers', permission: 'routers.read' },
      { to: '/activity', label: 'Activity log', permission: 'activity.read' },
      { to: '/alerts', label: 'Alerts', permission: 'alerts.read' },
      // h16-insights
      { to: '/insights', label: 'Insights', permission: 'insights.read' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { to: '/settings', label: 'Settings', permission: 'settings.manage' },
      { to: '/staff', label: 'Staff', permission: 'staff.manage' },
      { to: '/jobs', label: 'Scheduled jobs', permission: 'jobs.read' },
      { to: '/sessions/all', label: 'All sessions', permission: 'sessions.manage' },
    ],
  },
  {
    label: 'Account',
    items: [
      { to: '/sessions', label: 'My sessions' },
      { to: '/account/password', label: 'Change password' },
    ],
  },
];

export const visibleSections = (can: (p: Permission) => boolean): NavSection[] =>
  NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.permission || can(item.permission)),
  })).filter((section) => section.items.length > 0);

/** Where "/" leads: the first screen the user may open. */
export const homePath = (can: (p: Permission) => boolean): string =>
  visibleSections(can)[0]?.items[0]?.to ?? '/account/password';
