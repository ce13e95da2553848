import { test, expect } from './fixtures/app.fixture';
import { ADMIN, authPage } from './pages/auth.page';
import { activityLogPage } from './pages/activity-log.page';
import { jobsPage } from './pages/jobs.page';

test.describe('scheduled jobs', () => {
  test('an administrator runs the backup and expiry now, and finds the backup run in the activity log', async ({
    page,
  }) => {
    const auth = authPage(page);
    const jobs = jobsPage(page);
    const log = activityLogPage(page);

    await auth.open();
    await auth.setupAdministrator();
    await jobs.open();

    // Every background job is listed; the backup has not run in this fresh data folder.
    await expect(jobs.row('Router health checks')).toHaveCount(1);
    await expect(jobs.outcome('Database backup')).toHaveText('Never run');
    await expect(jobs.backupForm).toContainText('backups');

    await jobs.runNow('Database backup');
    await expect(jobs.outcome('Database backup')).toHaveText('Success');
    await expect(jobs.row('Database backup')).toContainText(
      /Backup ispdesk-\d{8}-\d{6}\.db written \(.+\), 1 kept/,
    );
    await expect(jobs.row('Database backup')).toContainText(`run by ${ADMIN.displayName}`);

    await log.open();
    await log.search('Database backup');
    const entry = log.row(/ran scheduled task "Database backup" now: completed in/);
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(ADMIN.displayName);

    await jobs.open();
    await jobs.runNow('Expiry processing');
    await expect(jobs.outcome('Expiry processing')).toHaveText('Success');
    await expect(jobs.row('Expiry processing')).toContainText('no subscription was due to expire');
  });
});
