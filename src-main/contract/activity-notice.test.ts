import { describe, expect, it } from 'vitest';
import { noticeFor } from './activity-notice';
import type { ActivityRecorded } from './schemas/activity';

describe('a live-tail notice narrowed to some categories', () => {
  const notice: ActivityRecorded = {
    lastId: 9,
    count: 5,
    categories: { financial: { lastId: 9, count: 3 }, client: { lastId: 6, count: 2 } },
  };

  it('counts only those categories, and its newest entry among them', () => {
    expect(noticeFor(notice, ['client', 'network'])).toEqual({
      lastId: 6,
      count: 2,
      categories: { client: { lastId: 6, count: 2 } },
    });
  });

  it('is nothing when none of the new entries may be read', () => {
    expect(noticeFor(notice, ['network', 'staff'])).toBeNull();
  });

  it('is the notice itself when nothing in it is hidden', () => {
    expect(noticeFor(notice, null)).toBe(notice);
    expect(noticeFor(notice, ['client', 'financial', 'staff'])).toBe(notice);
  });
});
