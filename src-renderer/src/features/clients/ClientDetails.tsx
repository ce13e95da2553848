import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Client } from '@contract/schemas/clients';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { useOffice } from '../settings/office-context';
import { SERVICE_LABELS } from './client-labels';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

const dash = (v: string | null) => (v === null || v === '' ? '—' : v);

/** The client's router by name (it comes with the client), linked for staff who may see routers. */
function RouterName({ client }: { client: Client }) {
  const { can } = useSession();
  if (client.routerId === null) return '—';
  if (client.routerName === null) return 'A removed router';
  if (!can('routers.read')) return client.routerName;
  return (
    <Anchor component={Link} to={`/routers/${String(client.routerId)}`} size="sm">
      {client.routerName}
    </Anchor>
  );
}

export function ClientDetails({ client, extra }: { client: Client; extra?: ReactNode }) {
  const { dateTime } = useOffice();
  const gps = client.gps;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Client details">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" m={0}>
        <Item label="Phone">{client.phone}</Item>
        <Item label="Email">{dash(client.email)}</Item>
        <Item label="Address">{dash(client.address)}</Item>
        <Item label="GPS">
          {gps ? (
            <Anchor
              href={`https://www.openstreetmap.org/?mlat=${String(gps.lat)}&mlon=${String(gps.lng)}#map=17/${String(gps.lat)}/${String(gps.lng)}`}
              target="_blank"
              rel="noreferrer"
              size="sm"
            >
              {`${String(gps.lat)}, ${String(gps.lng)}`}
            </Anchor>
          ) : (
            '—'
          )}
        </Item>
        <Item label="Service">{SERVICE_LABELS[client.serviceType]}</Item>
        <Item label="Service login">
          <Text span size="sm" ff="monospace">
            {client.serviceLogin}
          </Text>
        </Item>
        <Item label="Static IP">{dash(client.staticIp)}</Item>
        <Item label="MAC address">{dash(client.mac)}</Item>
        <Item label="Plan">{client.planName}</Item>
        <Item label="Router">
          <RouterName client={client} />
        </Item>
        <Item label="Created">{dateTime(client.createdAt)}</Item>
        {client.archivedAt !== null && <Item label="Archived">{dateTime(client.archivedAt)}</Item>}
      </SimpleGrid>
      {client.notes && (
        <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {client.notes}
        </Text>
      )}
      {extra}
    </Paper>
  );
}
