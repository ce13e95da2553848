import { Badge } from '@mantine/core';
import type { Job } from '@contract/schemas/jobs';
import { jobOutcome } from './job-labels';

export function JobOutcomeBadge({ job }: { job: Job }) {
  const outcome = jobOutcome(job);
  return (
    <Badge color={outcome.color} variant="light" data-outcome={outcome.state}>
      {outcome.label}
    </Badge>
  );
}
