import { Anchor, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Permission } from '@contract/roles';
import type { OfficeGlance } from '@contract/schemas/reports';
import { useSession } from '../auth/session-context';

type Step = {
  key: keyof OfficeGlance['firstSteps'];
  label: string;
  to: string;
  permission: Permission;
  why: string;
};

const STEPS: Step[] = [
  {
    key: 'profile',
    label: 'Fill in the office profile',
    to: '/setup/office',
    permission: 'settings.manage',
    why: 'name, address and currency for receipts',
  },
  {
    key: 'router',
    label: 'Add a router',
    to: '/routers',
    permission: 'routers.manage',
    why: 'the MikroTik your clients connect through',
  },
  {
    key: 'plan',
    label: 'Add a plan',
    to: '/plans',
    permission: 'plans.manage',
    why: 'speed, price and how long a payment lasts',
  },
  {
    key: 'client',
    label: 'Add a client',
    to: '/clients',
    permission: 'clients.manage',
    why: 'or import a list of them',
  },
];

/**
 * What a new office does first, each step a link for those who may do it and ticked off once
 * done. Shown until every step is done.
 */
export function FirstSteps({ done }: { done: OfficeGlance['firstSteps'] }) {
  const { can } = useSession();
  if (STEPS.every((s) => done[s.key])) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="first-steps">
      <Title order={2} size="h4" id="first-steps" mb={4}>
        Get the office started
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A new office needs these before it can take its first payment.
      </Text>
      <List spacing="xs" listStyleType="none" aria-label="First steps">
        {STEPS.map((step) => (
          <List.Item
            key={step.key}
            aria-label={`${step.label}: ${done[step.key] ? 'done' : 'to do'}`}
          >
            <Group gap="xs" wrap="nowrap">
              <ThemeIcon
                size="sm"
                radius="xl"
                color={done[step.key] ? 'teal' : 'gray'}
                variant={done[step.key] ? 'filled' : 'light'}
                aria-hidden
              >
                {done[step.key] ? '✓' : ''}
              </ThemeIcon>
              {done[step.key] ? (
                <Text size="sm" td="line-through" c="dimmed">
                  {step.label}
                </Text>
              ) : can(step.permission) ? (
                <Anchor component={Link} to={step.to} size="sm" fw={600}>
                  {step.label}
                </Anchor>
              ) : (
                <Text size="sm">{`${step.label} (ask an administrator)`}</Text>
              )}
              {!done[step.key] && (
                <Text size="xs" c="dimmed">
                  {step.why}
                </Text>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
