// Small helpers the journeys share: logging in through the login screen, and checks that fail loudly.

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Demo@2026';

/** Logs in through the login screen and waits for the dashboard (工作台). */
export async function logIn(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
  await page.locator('.workbench').waitFor({ timeout: 20_000 });
}

/** Throws with the message unless the condition holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits until the page's fonts are ready, so screenshots show the final layout. */
export async function settle(page) {
  await page.evaluate(() => document.fonts?.ready);
  await page.waitForTimeout(300);
}
