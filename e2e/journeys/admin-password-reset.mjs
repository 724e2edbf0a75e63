// 三员分立 in the browser: the security administrator cannot reset the auditor's password directly, only ask for
// it; the system administrator approves on 密码重置审批 and sees the one-time password once; the auditor logs in
// with it and must change it.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '三员分立：安全管理员申请重置审计员密码，系统管理员批准，审计员用临时密码登录';

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const security = await newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await security.newPage();
  await logIn(page, baseUrl, 'security');
  await page.getByRole('menuitem', { name: '用户与角色' }).click();
  await page.waitForURL('**/admin/users');
  await page.getByRole('button', { name: 'auditor', exact: true }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '申请重置密码' }).waitFor();
  check((await drawer.getByRole('button', { name: '重置密码', exact: true }).count()) === 0, '审计员账户不应有“重置密码”按钮');
  await drawer.getByRole('button', { name: '申请重置密码' }).click();
  const reasonDialog = page.getByRole('dialog').filter({ hasText: '请说明原因' });
  await reasonDialog.getByLabel('原因').fill('审计员忘记密码，已电话核实身份');
  await settle(page);
  await screenshot(page, 'password-reset-request');
  await reasonDialog.getByRole('button', { name: '确定' }).click();
  await page.getByText('已申请重置密码').waitFor();
  await security.close();

  const system = await newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const admin = await system.newPage();
  await logIn(admin, baseUrl, 'admin');
  await admin.getByRole('menuitem', { name: '密码重置审批' }).click();
  await admin.waitForURL('**/admin/password-resets');
  const row = admin.getByRole('row').filter({ hasText: '审计员忘记密码' });
  await row.waitFor();
  await settle(admin);
  await screenshot(admin, 'password-reset-approval');
  await row.getByRole('button', { name: '批准并重置' }).click();
  await admin.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
  const shown = admin.getByTestId('one-time-password');
  await shown.waitFor();
  const password = ((await shown.textContent()) ?? '').trim();
  check(password.length >= 12, `临时密码应至少 12 位，实际：${password}`);
  await settle(admin);
  await screenshot(admin, 'password-reset-approved');
  await admin.getByRole('button', { name: '我已记下' }).click();
  await system.close();

  const auditorContext = await newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const auditor = await auditorContext.newPage();
  await auditor.goto(`${baseUrl}/login`);
  await auditor.getByLabel('用户名或手机号').fill('auditor');
  await auditor.getByLabel('密码', { exact: true }).fill(password);
  await auditor.getByRole('button', { name: '登录', exact: true }).click();
  await auditor.getByText('首次登录或密码已被管理员重置').waitFor({ timeout: 20_000 });
  await settle(auditor);
  await screenshot(auditor, 'password-reset-must-change');
  await auditorContext.close();
}
