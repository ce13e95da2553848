import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { Staff } from '@contract/schemas/staff';

import { ROLE_LABELS } from '../../lib/roles';
import { STATUS_COLORS, STATUS_LABELS, staffStatus } from './staff-status';
import { useOfficeClock } from '../../lib/office-clock-context';

export type StaffTableProps = {
  staff: Staff[];
  /** When the list was fetched; lock expiry is judged against it. */
  now: number;
  currentStaffId: number;
  onEdit: (staff: Staff) => void;
  onResetPassword: (staff: Staff) => void;
  onUnlock: (staff: Staff) => void;
  unlockingId: number | null;
};

export function StaffTable({
  staff,
  now,
  currentStaffId,
  onEdit,
  onResetPassword,
  onUnlock,
  unlockingId,
}: StaffTableProps) {
  const clock = useOfficeClock();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label="Staff members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Username</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last login</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={700}>
                Actions
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const status = staffStatus(member, now);
            return (
              <Table.Tr key={member.id} data-staff-id={member.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {member.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{member.displayName}</Text>
                    {member.id === currentStaffId && (
                      <Badge size="xs" variant="outline">
                        You
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{ROLE_LABELS[member.role]}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge color={STATUS_COLORS[status]} variant="light">
                      {STATUS_LABELS[status]}
                    </Badge>
                    {member.mustChangePassword && (
                      <Badge color="yellow" variant="light">
                        Password change pending
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {member.lastLoginAt === null ? (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  ) : (
                    clock.dateTimeShort(member.lastLoginAt)
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${member.username}`}
                      onClick={() => onEdit(member)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Reset password for ${member.username}`}
                      onClick={() => onResetPassword(member)}
                    >
                      Reset password
                    </Button>
                    {status === 'locked' && (
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        aria-label={`Unlock ${member.username}`}
                        loading={unlockingId === member.id}
                        onClick={() => onUnlock(member)}
                      >
                        Unlock
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
