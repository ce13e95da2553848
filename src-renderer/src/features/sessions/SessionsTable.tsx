import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { SessionInfo } from '@contract/schemas/auth';
import { useOfficeClock } from '../../lib/office-clock-context';

export type SessionsTableProps = {
  sessions: SessionInfo[];
  /** Show whose session each row is (the administrators' list). */
  showUser: boolean;
  endingId: string | null;
  onEnd: (session: SessionInfo) => void;
};

export function SessionsTable({ sessions, showUser, endingId, onEnd }: SessionsTableProps) {
  const clock = useOfficeClock();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" aria-label="Sessions">
        <Table.Thead>
          <Table.Tr>
            {showUser && <Table.Th>Staff member</Table.Th>}
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last seen</Table.Th>
            <Table.Th>IP</Table.Th>
            <Table.Th>Workstation</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id} data-current={session.current || undefined}>
              {showUser && (
                <Table.Td>
                  <Text size="sm">{session.displayName}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {session.username}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{clock.dateTime(session.createdAt)}</Text>
                  {session.current && (
                    <Badge size="sm" variant="light">
                      This session
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{clock.dateTime(session.lastSeenAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {session.ip}
                </Text>
              </Table.Td>
              <Table.Td>
                {session.workstation ?? (
                  <Text size="sm" c="dimmed" span>
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {clock.dateTimeShort(Math.min(session.idleExpiresAt, session.absoluteExpiresAt))}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={endingId === session.id}
                  onClick={() => onEnd(session)}
                >
                  End session
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
