import { Button, Table, Text } from '@mantine/core';
import type { Job, JobName } from '@contract/schemas/jobs';

import { formatDuration } from './job-labels';
import { JobOutcomeBadge } from './JobOutcomeBadge';
import { useOfficeClock } from '../../lib/office-clock-context';

export type JobsTableProps = {
  jobs: Job[];
  canRun: boolean;
  onRunNow: (job: Job) => void;
  /** The job whose "Run now" call is in flight. */
  startingName: JobName | null;
};

export function JobsTable({ jobs, canRun, onRunNow, startingName }: JobsTableProps) {
  const clock = useOfficeClock();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="sm" aria-label="Scheduled jobs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th>Last run</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Summary or error</Table.Th>
            <Table.Th>Next run</Table.Th>
            {canRun && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.name} data-job={job.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {job.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {job.schedule}
                </Text>
              </Table.Td>
              <Table.Td>
                {job.lastRun ? (
                  <>
                    <Text size="sm" title={clock.relative(job.lastRun.startedAt)}>
                      {clock.dateTime(job.lastRun.startedAt)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      took {formatDuration(job.lastRun.durationMs)}
                      {job.lastRun.actor ? `, run by ${job.lastRun.actor}` : ''}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    Never
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={170}>
                <JobOutcomeBadge job={job} />
              </Table.Td>
              <Table.Td maw={420}>
                {job.lastRun?.error ? (
                  <Text size="sm" c="red">
                    {job.lastRun.error}
                  </Text>
                ) : (
                  <Text size="sm">{job.lastRun?.summary ?? '—'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {job.running ? (
                  <Text size="sm" c="dimmed">
                    Running now
                  </Text>
                ) : job.nextRunAt === null ? (
                  <Text size="sm" c="dimmed">
                    {job.enabled ? 'Not scheduled' : 'Off'}
                  </Text>
                ) : (
                  <Text size="sm" title={clock.dateTime(job.nextRunAt)}>
                    {clock.relative(job.nextRunAt)}
                  </Text>
                )}
              </Table.Td>
              {canRun && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Run ${job.label} now`}
                    loading={startingName === job.name}
                    disabled={job.running || (startingName !== null && startingName !== job.name)}
                    onClick={() => onRunNow(job)}
                  >
                    Run now
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
