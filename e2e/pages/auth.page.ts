import { expect, type Page } from '@playwright/test';

export const ADMIN = {
  username: 'office-admin',
  displayName: 'Grace Wanjiru',
  password: 'correct horse battery staple',
};

/** First-run setup, sign-in and sign-out through the UI. */
export const authPage = (page: Page) => ({
  async open() {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  },

  async setupAdministrator(admin = ADMIN) {
    await expect(page.getByRole('heading', { name: 'Create the administrator' })).toBeVisible();
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Display name').fill(admin.displayName);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Confirm password').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  },

  async signIn(username: string, password: string) {
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  },

  /** The demo office's administrator, signed in with the password its sign-in page shows. */
  async signInToDemo() {
    await this.open();
    const password = (await page.getByTestId('demo-password').textContent()) ?? '';
    await this.signIn('admin', password);
    // The first real sign-in rehashes the seeded password (slow on a busy machine).
    await expect(page.getByTestId('current-user')).toHaveText('Amina Hassan', { timeout: 60_000 });
  },

  async signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  },
});
