import { describe, expect, it } from 'vitest';
import { formatDuration, jobOutcome } from './job-labels';

describe('job labels', () => {
  it('formats durations for people', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(849.6)).toBe('850 ms');
    expect(formatDuration(1_250)).toBe('1.3 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('names the outcome: running first, then the last run, else never run', () => {
    const run = {
      startedAt: 0,
      durationMs: 1,
      summary: null,
      error: 'x',
      trigger: 'schedule' as const,
      actor: null,
    };
    expect(jobOutcome({ running: true, lastRun: null, consecutiveFailures: 0 }).label).toBe(
      'Running',
    );
    expect(jobOutcome({ running: false, lastRun: null, consecutiveFailures: 0 }).label).toBe(
      'Never run',
    );
    expect(
      jobOutcome({
        running: false,
        lastRun: { ...run, outcome: 'failure' },
        consecutiveFailures: 1,
      }).label,
    ).toBe('Failed');
    expect(
      jobOutcome({
        running: false,
        lastRun: { ...run, outcome: 'success' },
        consecutiveFailures: 0,
      }).label,
    ).toBe('Success');
  });
});
