import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SyncApplyResult } from '@contract/schemas/sync';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { DriftList } from './DriftList';
import { counted } from '@domain/plural';

function ApplySummary({ result }: { result: SyncApplyResult }) {
  return (
    <>
      {result.routers.map((r) =>
        r.reachable ? (
          <Alert
            key={r.routerId}
            color={r.failed > 0 ? 'yellow' : 'teal'}
            variant="light"
            title="Sync applied"
          >
            <Text size="sm">
              Added {r.added}, updated {r.updated}, removed {r.removed}, kicked {r.kicked}, kept{' '}
              {counted(r.unknownKept, 'unknown entry')}
              {r.failed > 0 ? `, ${String(r.failed)} failed` : ''}.
            </Text>
          </Alert>
        ) : (
          <Alert key={r.routerId} color="red" variant="light" title="Sync not applied">
            <Text size="sm">{r.error ?? 'The router could not be reached.'}</Text>
          </Alert>
        ),
      )}
    </>
  );
}

/** "Preview sync" (dry run) and "Apply sync" for one router; unknown entries are kept unless ticked. */
export function SyncPanel({ routerId, canRun }: { routerId: number; canRun: boolean }) {
  const scope = { routerId };
  const [removeKeys, setRemoveKeys] = useState<ReadonlySet<string>>(new Set());
  const preview = useApiMutation('sync.preview', { onSuccess: () => setRemoveKeys(new Set()) });
  const apply = useApiMutation('sync.apply', {
    onSuccess: () => preview.mutate({ scope }),
  });
  const drift = preview.data?.routers.find((r) => r.routerId === routerId);

  const toggle = (key: string, remove: boolean) =>
    setRemoveKeys((keys) => {
      const next = new Set(keys);
      if (remove) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Sync">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Sync
          </Title>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={preview.isPending}
              onClick={() => preview.mutate({ scope })}
            >
              Preview sync
            </Button>
            {canRun && (
              <Button
                size="xs"
                loading={apply.isPending}
                disabled={!drift?.reachable}
                onClick={() =>
                  apply.mutate({
                    scope,
                    removeUnknown: [...removeKeys].map((key) => ({ routerId, key })),
                  })
                }
              >
                Apply sync
              </Button>
            )}
          </Group>
        </Group>
        {preview.isError && (
          <Alert color="red" variant="light" title="Could not preview">
            {errorMessage(preview.error)}
          </Alert>
        )}
        {apply.isError && (
          <Alert color="red" variant="light" title="Could not apply">
            {errorMessage(apply.error)}
          </Alert>
        )}
        {apply.data && <ApplySummary result={apply.data} />}
        {!drift ? (
          <Text size="sm" c="dimmed">
            Preview to compare the router with what the office expects. Nothing changes until you
            apply.
          </Text>
        ) : !drift.reachable ? (
          <Alert color="red" variant="light" title="The router could not be read">
            {drift.error ?? 'No answer.'}
          </Alert>
        ) : drift.drift.length === 0 ? (
          <Text size="sm" role="status">
            In step: {counted(drift.checked, 'entry')} checked, no drift.
          </Text>
        ) : (
          <>
            <Text size="sm" role="status">
              {counted(drift.drift.length, 'difference')} in {counted(drift.checked, 'entry')}{' '}
              checked. Unknown entries are kept unless you tick them.
            </Text>
            <DriftList
              drift={drift.drift}
              removeKeys={removeKeys}
              onToggleRemove={canRun ? toggle : undefined}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
