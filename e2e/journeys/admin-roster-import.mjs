// The administrator's journey: log in, open 委员管理, import a roster with an error and read the row-level
// message, switch to 繁體 and see Traditional text, log out.
import { join } from 'node:path';
import { check, logIn, settle } from '../support/helpers.mjs';
import { rosterWithError } from '../support/roster.mjs';

export const name = '管理员：登录、导入有错误的委员名单、切换繁體、退出';

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot, workDir }) {
  const context = await newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, baseUrl, 'admin');
  await settle(page);
  await screenshot(page, 'admin-dashboard');

  await page.getByRole('menuitem', { name: '委员管理' }).click();
  await page.waitForURL('**/admin/members');
  await page.getByRole('button', { name: 'Excel 导入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('点击或拖动 Excel 文件到这里').waitFor();
  const roster = await rosterWithError(join(workDir, '委员名单-有错误.xlsx'));
  await dialog.locator('input[type=file]').setInputFiles(roster);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  const rowMessage = dialog.getByRole('cell', { name: '第 3 行', exact: true });
  await rowMessage.waitFor({ timeout: 20_000 });
  const table = await dialog.locator('.ant-table').textContent();
  check(table.includes('身份证号'), `导入错误表中应指出“身份证号”列，实际：${table}`);
  check(!table.includes('第 2 行'), `第 2 行是正确的，不应报错：${table}`);
  await settle(page);
  await screenshot(page, 'admin-import-errors');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // 长者模式 works on the admin screens too: bigger type and controls, nothing cut off.
  await page.getByRole('switch', { name: '长者模式' }).click();
  await page.getByText('字号', { exact: true }).waitFor();
  await settle(page);
  const controlHeight = await page
    .getByRole('button', { name: 'Excel 导入' })
    .evaluate((element) => element.getBoundingClientRect().height);
  check(controlHeight >= 44, `长者模式下按钮高度应不小于 44px，实际：${controlHeight}px`);
  await screenshot(page, 'admin-members-elder');
  await page.getByRole('switch', { name: '长者模式' }).click();

  await page.getByText('繁體', { exact: true }).click();
  await page.getByRole('menuitem', { name: '委員管理' }).waitFor({ timeout: 20_000 });
  const lang = await page.evaluate(() => document.documentElement.lang);
  check(lang === 'zh-TW', `切换繁體后页面语言应为 zh-TW，实际：${lang}`);
  await page.getByText('委員管理').first().waitFor();
  await settle(page);
  await screenshot(page, 'admin-traditional');

  await page.getByRole('button', { name: /用戶菜單|用户菜单/ }).click();
  await page.getByRole('menuitem', { name: '退出登錄' }).click();
  await page.waitForURL('**/login');
  await page.getByText('您已安全退出').waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
  check(me === 401, `退出后 /auth/me 应为 401，实际：${me}`);
  await page.getByText('简体', { exact: true }).click();
  await page.getByText('您已安全退出').waitFor();
  await settle(page);
  await screenshot(page, 'admin-logged-out');
}
