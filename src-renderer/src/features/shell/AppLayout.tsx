import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { ROLE_LABELS } from '../../lib/roles';
import { DEMO_BANNER } from '../auth/DemoNotice';
import { useSession } from '../auth/session-context';
import { useDemoStatus } from '../auth/use-demo-status';
import { LeaveDemoButton } from './LeaveDemoButton';
import { visibleSections } from './nav-items';
import { StorageBanner } from './StorageBanner';
import { AlertBadge } from '../alerts/AlertBadge';

export function AppLayout() {
  const { user, can, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const demo = useDemoStatus().data?.active ?? null;

  // After signing out, the next person to sign in starts from their own home page.
  const onSignOut = () => {
    void signOut().then(() => {
      window.location.hash = '#/';
    });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: { base: 200, xl: 240 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text fw={700} size="lg">
              ISP Desk
            </Text>
            {demo && (
              <Badge color="yellow" variant="filled" data-testid="demo-banner">
                {DEMO_BANNER}
              </Badge>
            )}
            {demo && <LeaveDemoButton />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {can('alerts.read') && <AlertBadge />}
            <Stack gap={0} align="flex-end" visibleFrom="xs" aria-label="Signed-in user">
              <Text size="sm" fw={600} data-testid="current-user">
                {user.displayName}
              </Text>
              <Badge size="xs" variant="light" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </Badge>
            </Stack>
            <Button variant="default" size="xs" onClick={onSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" className="no-print" aria-label="Main navigation" component="nav">
        <ScrollArea>
          <Stack gap="md">
            {visibleSections(can).map((section) => (
              <Stack key={section.label} gap={2}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
                  {section.label}
                </Text>
                {section.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    active={pathname === item.to}
                    aria-current={pathname === item.to ? 'page' : undefined}
                    onClick={close}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <StorageBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
