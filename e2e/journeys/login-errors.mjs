// The login screen's failures speak Chinese: a wrong password, and a protected page asks for login first.
import { check, settle } from '../support/helpers.mjs';

export const name = '登录：错误密码的中文提示、受保护页面先登录、空闲超时的提示、404';

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const context = await newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // A controllable clock, to let the idle limit pass without waiting half an hour.
  await page.clock.install();
  await page.goto(`${baseUrl}/account`);
  await page.waitForURL('**/login');
  await page.getByLabel('用户名或手机号').fill('office');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  check(/密码|用户名/.test(text), `错误密码应有中文提示，实际：${text}`);
  await settle(page);
  await screenshot(page, 'login-wrong-password');

  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  // Enter submits the form as a keyboard user would. (A second click on the button was flaky: under the
  // installed fake clock the first click's wave animation never ends, and the click sometimes waited on it.)
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.waitForURL('**/account');
  await page.getByText('修改密码').first().waitFor();
  await page.getByText('登录会话').first().waitFor();
  await page.getByText('当前会话').waitFor();
  await settle(page);
  await screenshot(page, 'account');

  // The server ends an idle session with 401 session_idle: the app returns to login and says why.
  await page.route('**/api/v1/**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        status: 401,
        title: 'Unauthorized',
        code: 'session_idle',
        detail: '长时间未操作，已自动退出，请重新登录',
      }),
    }),
  );
  // Half an hour without a request: the app asks the server once, hears session_idle, and returns to login.
  await page.clock.fastForward('31:00');
  await page.waitForURL('**/login');
  await page.getByText('长时间未操作，已自动退出', { exact: false }).waitFor();
  await settle(page);
  await screenshot(page, 'idle-logout');
  await page.unroute('**/api/v1/**');

  // (Only the answers were faked: the real session is still open.)
  await page.goto(`${baseUrl}/no-such-page`);
  await page.getByText('页面不存在', { exact: true }).waitFor();
  await screenshot(page, 'not-found');
}
