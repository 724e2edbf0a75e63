// A new account's first login: the forced password change shows the committee's rules; then the user binds an
// authenticator on 我的账户 (QR code), logs out, and logs in again with the second factor.
import { generate } from 'otplib';
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '新账户：首次登录强制改密、绑定动态验证码、两步登录';

/** Creates an account as the system administrator through the API; answers its one-time password. */
async function createAccount(page, username) {
  return page.evaluate(async (name) => {
    const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/)?.[1] ?? '');
    const response = await fetch('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ username: name, displayName: '测试新用户', roles: ['leader'] }),
    });
    if (response.status !== 201) throw new Error(`新建账户失败：${response.status} ${await response.text()}`);
    return (await response.json()).oneTimePassword;
  }, username);
}

/** A code for the secret that differs from the one last used (the server refuses a code twice). */
async function freshCode(secret, used) {
  for (;;) {
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    if (code !== used) return code;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const adminContext = await newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, baseUrl, 'admin');
  const username = `e2e${Date.now().toString(36)}`;
  const oneTimePassword = await createAccount(adminPage, username);
  check(typeof oneTimePassword === 'string' && oneTimePassword.length >= 8, '新账户应得到一次性初始密码');
  await adminContext.close();

  const context = await newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(oneTimePassword);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByText('首次登录或密码已被管理员重置，请先设置新密码').waitFor();
  await page.getByRole('list', { name: '密码规则' }).getByText('至少 8 位').waitFor();
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill('abc');
  await settle(page);
  await screenshot(page, 'forced-password-change');
  const newPassword = 'Xinmima@2026';
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await page.locator('.workbench').waitFor({ timeout: 20_000 });

  await page.goto(`${baseUrl}/account`);
  await page.getByRole('button', { name: '绑定动态验证码' }).click();
  await page.getByLabel('动态验证码绑定二维码').waitFor();
  const secret = ((await page.locator('.totp-secret').first().textContent()) ?? '').replace(/\s+/g, '');
  check(/^[A-Z2-7]{16,}$/.test(secret), `密钥应为 Base32，实际：${secret}`);
  await settle(page);
  await screenshot(page, 'totp-setup');
  const enableCode = await freshCode(secret, null);
  await page.getByLabel('应用中显示的 6 位验证码').fill(enableCode);
  await page.getByRole('button', { name: '启用', exact: true }).click();
  await page.getByText('已启用', { exact: true }).waitFor();

  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByLabel('动态验证码').waitFor();
  await settle(page);
  await screenshot(page, 'second-factor');
  await page.getByLabel('动态验证码').fill(await freshCode(secret, enableCode));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.locator('.workbench').waitFor({ timeout: 20_000 });
}
