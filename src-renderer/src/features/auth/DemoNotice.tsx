import { Alert, Code, List, Text } from '@mantine/core';
import type { DemoStatus } from '@contract/schemas/system';
import { ROLE_LABELS } from '../../lib/roles';

export const DEMO_BANNER = 'Demo office — not real data';

/** The demo sign-in hints: every demo account and the password they share. */
export function DemoNotice({ demo }: { demo: NonNullable<DemoStatus['active']> }) {
  return (
    <Alert color="yellow" variant="light" title={DEMO_BANNER} data-testid="demo-notice">
      <Text size="sm">
        Everything here is invented, and the routers are simulated. Sign in as any of these
        accounts; the password is <Code data-testid="demo-password">{demo.password}</Code>
      </Text>
      <List size="sm" mt="xs">
        {demo.accounts.map((a) => (
          <List.Item key={a.username}>
            <Code>{a.username}</Code> — {a.displayName}, {ROLE_LABELS[a.role]}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
