import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { officeDayBound } from '@domain/office-time';
import { useApiClient } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useOfficeClock } from '../../lib/office-clock-context';
import type { OfficeClock } from '../../lib/office-time';
import { toApiFilter, type ActivityView } from './filter-params';

type Range = { from: string; to: string };

/** The default range: the thirty office days up to today. */
const lastThirtyDays = (clock: OfficeClock, now = Date.now()): Range => ({
  from: clock.day(now - 29 * 86_400_000),
  to: clock.day(now),
});

/** The filter without its dates (the bundle's range replaces them), or null when it has none. */
const conditionsOf = (view: ActivityView, clock: OfficeClock) => {
  const rest = Object.fromEntries(
    Object.entries(toApiFilter(view, Date.now(), clock)).filter(
      ([k]) => k !== 'from' && k !== 'to',
    ),
  );
  return Object.keys(rest).length > 0 ? rest : null;
};

/**
 * An evidence bundle for an auditor: the entries of a range of office days (optionally only those
 * matching the screen's filter), with the hash chain and signed checkpoints that prove them and a
 * standalone check, in one .tar file.
 */
export function EvidenceBundleDialog(props: {
  opened: boolean;
  onClose: () => void;
  view: ActivityView;
  archive: string | null;
}) {
  const clock = useOfficeClock();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="Evidence bundle for an auditor"
      size="lg"
    >
      <BundleForm {...props} clock={clock} />
    </Modal>
  );
}

function BundleForm({
  onClose,
  view,
  archive,
  clock,
}: {
  onClose: () => void;
  view: ActivityView;
  archive: string | null;
  clock: OfficeClock;
}) {
  const { timeZone } = clock;
  const client = useApiClient();
  const [range, setRange] = useState<Range>(() => lastThirtyDays(clock));
  const [useFilter, setUseFilter] = useState(false);
  const [errors, setErrors] = useState<Partial<Range>>({});
  const [busy, setBusy] = useState(false);
  const conditions = conditionsOf(view, clock);

  const make = async () => {
    const from = officeDayBound(range.from, timeZone, false);
    const to = officeDayBound(range.to, timeZone, true);
    const found: Partial<Range> = {};
    if (from === null) found.from = 'A date, like 2026-11-01';
    if (to === null) found.to = 'A date, like 2026-11-30';
    if (from !== null && to !== null && from > to) found.to = 'The range ends before it starts';
    setErrors(found);
    if (from === null || to === null || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const outcome = await client.download('activity.bundle', {
        from,
        to,
        ...(useFilter && conditions ? { filter: conditions } : {}),
        ...(archive ? { archive } : {}),
      });
      if (outcome.kind !== 'cancelled') {
        notifySuccess(
          outcome.kind === 'saved' ? `Saved to ${outcome.path}` : outcome.filename,
          'Evidence bundle ready',
        );
        onClose();
      }
    } catch (e) {
      notifyError(e, 'Could not make the evidence bundle');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        One .tar file with the entries of these days (NDJSON and CSV), the hash chain and the signed
        checkpoints that prove them complete and unaltered, and a Python script that checks it on
        any computer: <code>python3 verify_bundle.py</code>.
      </Text>
      <SimpleGrid cols={2}>
        <TextInput
          label="First day"
          description={`yyyy-mm-dd, office days (${timeZone})`}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
          error={errors.from}
        />
        <TextInput
          label="Last day"
          description="Included in full"
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
          error={errors.to}
        />
      </SimpleGrid>
      {conditions && (
        <Checkbox
          label="Only the entries matching the current filter (the chain that proves them is always whole)"
          checked={useFilter}
          onChange={(e) => setUseFilter(e.currentTarget.checked)}
        />
      )}
      {archive && (
        <Alert variant="light" color="blue">
          From the archive {archive}.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button onClick={() => void make()} loading={busy}>
          Make bundle
        </Button>
      </Group>
    </Stack>
  );
}
