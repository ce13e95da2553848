import { Progress, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';

/** How often the first-run screen asks how far the demo office has got while it is made. */
const POLL_MS = 700;

/**
 * While the demo office is being made (`active`), what the server is doing: a step in words with
 * its counts, and a bar.
 */
export function DemoBuildProgress({ active }: { active: boolean }) {
  const status = useApiQuery('system.demo', undefined, {
    enabled: active,
    refetchInterval: active ? POLL_MS : false,
    staleTime: 0,
    retry: false,
  });
  const building = active ? (status.data?.building ?? null) : null;
  if (!building) return null;
  return (
    <Stack gap={4} data-testid="demo-progress" aria-live="polite">
      <Text size="sm">{building.message}</Text>
      <Progress
        value={(100 * building.done) / building.total}
        size="sm"
        aria-label="Making the demo office"
      />
    </Stack>
  );
}
