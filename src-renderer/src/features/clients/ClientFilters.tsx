import { Button, Chip, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CLIENT_STATUSES, type RouterName } from '@contract/schemas/clients';
import type { Plan } from '@contract/schemas/plans';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { STATUS_LABELS } from './client-labels';
import { EMPTY_CLIENT_VIEW, isClientViewFiltered } from './client-list-params';
import type { ClientListView } from './client-list-params';

/** A number box that commits valid values only (empty clears), so the URL never holds junk. */
function NumberFilter({
  label,
  value,
  max,
  description,
  onCommit,
}: {
  label: string;
  value: number | null;
  max: number;
  description?: string;
  onCommit: (value: number | null) => void;
}) {
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value === null ? '' : String(value));
  }
  const valid = draft.trim() === '' || (/^\d+$/.test(draft.trim()) && Number(draft) <= max);
  return (
    <TextInput
      label={label}
      description={description}
      inputMode="numeric"
      w={150}
      value={draft}
      error={valid ? undefined : `0 to ${String(max)}`}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setDraft(next);
        const t = next.trim();
        if (t === '') onCommit(null);
        else if (/^\d+$/.test(t) && Number(t) <= max) onCommit(Number(t));
      }}
    />
  );
}

export function ClientFilters({
  view,
  plans,
  routers,
  onChange,
}: {
  view: ClientListView;
  plans: Plan[];
  routers: RouterName[];
  onChange: (next: ClientListView) => void;
}) {
  const routerOptions = routers.map((r) => ({ value: String(r.id), label: r.name }));
  // A bookmarked router that no longer exists still shows (and can be cleared).
  if (view.routerId !== null && !routers.some((r) => r.id === view.routerId)) {
    routerOptions.push({ value: String(view.routerId), label: 'A removed router' });
  }
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DebouncedTextInput
          label="Search clients"
          placeholder="Name, account, phone, login or IP"
          type="search"
          w={320}
          value={view.search}
          onCommit={(search) => onChange({ ...view, search })}
        />
        <NativeSelect
          label="Plan"
          w={200}
          data={[
            { value: '', label: 'All plans' },
            ...plans.map((p) => ({
              value: String(p.id),
              label: p.active ? p.name : `${p.name} (retired)`,
            })),
          ]}
          value={view.planId === null ? '' : String(view.planId)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ ...view, planId: v === '' ? null : Number(v) });
          }}
        />
        <NativeSelect
          label="Router"
          w={200}
          data={[{ value: '', label: 'All routers' }, ...routerOptions]}
          value={view.routerId === null ? '' : String(view.routerId)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ ...view, routerId: v === '' ? null : Number(v) });
          }}
        />
        <NumberFilter
          label="Expires within (days)"
          value={view.expiresWithinDays}
          max={366}
          onCommit={(expiresWithinDays) => onChange({ ...view, expiresWithinDays })}
        />
        {isClientViewFiltered(view) && (
          <Button
            variant="subtle"
            onClick={() => onChange({ ...EMPTY_CLIENT_VIEW, sort: view.sort })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <Group gap="xs" role="group" aria-label="Status">
        <Text size="sm" fw={500}>
          Status
        </Text>
        <Chip.Group
          multiple
          value={view.statuses}
          onChange={(values) =>
            onChange({
              ...view,
              statuses: CLIENT_STATUSES.filter((s) => values.includes(s)),
            })
          }
        >
          {CLIENT_STATUSES.map((s) => (
            <Chip key={s} value={s} size="xs">
              {STATUS_LABELS[s]}
            </Chip>
          ))}
        </Chip.Group>
        {view.statuses.length === 0 && (
          <Text size="xs" c="dimmed">
            All but archived
          </Text>
        )}
      </Group>
    </Stack>
  );
}
