// A member on a phone (390×844): the dashboard at full width, the menu in a drawer, then 长者模式.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '手机：委员的工作台、抽屉菜单与长者模式';

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const context = await newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').waitFor();
  await settle(page);
  await screenshot(page, 'phone-login');

  await logIn(page, baseUrl, 'member1');
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `手机宽度下页面不应横向滚动（超出 ${overflow}px）`);
  const sider = await page.locator('.ant-layout-sider').count();
  check(sider === 0, '手机宽度下不应显示侧边菜单');
  await screenshot(page, 'phone-dashboard');

  await page.getByRole('button', { name: '打开菜单' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('menuitem', { name: '我的账户' }).waitFor();
  await settle(page);
  await screenshot(page, 'phone-menu-drawer');

  await drawer.getByRole('switch', { name: '长者模式' }).click();
  await drawer.getByText('24', { exact: true }).waitFor();
  await screenshot(page, 'phone-menu-drawer-elder');
  await drawer.locator('.ant-drawer-close').click();
  await drawer.getByRole('menuitem', { name: '我的账户' }).waitFor({ state: 'hidden', timeout: 5000 });
  await settle(page);
  const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  check(fontSize >= 18, `长者模式的基础字号应不小于 18px，实际：${fontSize}px`);
  const buttonHeight = await page
    .getByRole('button', { name: '打开菜单' })
    .evaluate((element) => element.getBoundingClientRect().height);
  check(buttonHeight >= 44, `长者模式的按钮高度应不小于 44px，实际：${buttonHeight}px`);
  const overflowElder = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflowElder <= 1, `长者模式下页面不应横向滚动（超出 ${overflowElder}px）`);
  await screenshot(page, 'phone-dashboard-elder');

  await page.reload();
  await page.locator('.workbench').waitFor();
  const kept = await page.evaluate(() => document.documentElement.classList.contains('elder-mode'));
  check(kept, '长者模式应在刷新后保持');
}
