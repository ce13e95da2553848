import { Anchor, Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClientListItem, ClientSort } from '@contract/schemas/clients';
import { useOffice } from '../settings/office-context';
import { ClientStatusBadge } from './ClientStatusBadge';
import { SERVICE_LABELS } from './client-labels';

function SortableTh({
  by,
  sort,
  onSort,
  children,
  optional,
}: {
  by: ClientSort['by'];
  sort: ClientSort;
  onSort: (by: ClientSort['by']) => void;
  children: string;
  optional?: 'wide' | 'widest';
}) {
  const active = sort.by === by;
  const arrow = active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return (
    <Table.Th
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-col-optional={optional}
    >
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => onSort(by)}
        aria-label={`Sort by ${children}`}
      >
        {children}
        <span aria-hidden>{arrow}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ClientsTable({
  clients,
  sort,
  onSort,
  renderActions,
}: {
  clients: ClientListItem[];
  sort: ClientSort;
  onSort: (by: ClientSort['by']) => void;
  /** Per-row quick actions (e.g. take payment), shown when given. */
  renderActions?: (client: ClientListItem) => ReactNode;
}) {
  const { money, dateTime } = useOffice();
  const th = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Clients">
        <Table.Thead>
          <Table.Tr>
            <SortableTh by="account" {...th}>
              Account
            </SortableTh>
            <SortableTh by="name" {...th}>
              Name
            </SortableTh>
            <Table.Th>Phone</Table.Th>
            {/* Optional columns drop where the table's box is narrow (app/layout.css). */}
            <Table.Th data-col-optional="widest">Login / IP</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Status</Table.Th>
            <SortableTh by="expiresAt" {...th}>
              Expires
            </SortableTh>
            <SortableTh by="balance" {...th}>
              Balance
            </SortableTh>
            <SortableTh by="createdAt" optional="wide" {...th}>
              Created
            </SortableTh>
            {renderActions && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((c) => (
            <Table.Tr key={c.id} data-client-id={c.id}>
              <Table.Td data-nowrap>
                <Text size="sm" ff="monospace">
                  {c.accountNo}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${String(c.id)}`} size="sm" fw={600}>
                  {c.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phone}</Table.Td>
              <Table.Td data-col-optional="widest">
                <Text size="sm" ff="monospace">
                  {c.serviceLogin}
                </Text>
                <Text size="xs" c="dimmed">
                  {`${SERVICE_LABELS[c.serviceType]}${c.staticIp ? ` · ${c.staticIp}` : ''}`}
                </Text>
              </Table.Td>
              <Table.Td data-nowrap>{c.planName}</Table.Td>
              <Table.Td>
                <ClientStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(c.expiresAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={c.balance < 0 ? 'red' : undefined}>
                  {money(c.balance)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-col-optional="wide">
                {dateTime(c.createdAt)}
              </Table.Td>
              {renderActions && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {renderActions(c)}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Previous / next over keyset pages. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  loading,
  onPrevious,
  onNext,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  return (
    <Group justify="center" gap="sm" className="no-print">
      <Button variant="default" size="xs" disabled={!hasPrevious} onClick={onPrevious}>
        Previous page
      </Button>
      <Text size="sm" aria-live="polite">{`Page ${String(page)}`}</Text>
      <Button variant="default" size="xs" disabled={!hasNext} loading={loading} onClick={onNext}>
        Next page
      </Button>
    </Group>
  );
}
