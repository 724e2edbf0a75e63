// A liaison station's staff on a phone (390×844): station1 opens 来访登记 (the station's counts and visits), records
// a visit with the visitor's name and phone and two members present, sees the visitor masked, and turns the matter
// into a micro-suggestion on behalf of the members present (the first leads); then the station's duty days as a
// list, the visit in 繁體 and the public portal's station page. Every screen is photographed.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '手机：联络站工作人员登记来访（姓名、电话脱敏），转为微建议；接待日列表与门户联络站页';

const VISITOR = '黄丽华';
const PHONE = '13800139999';
const MATTER = '东门菜场旁的人行道被电动车占满，老人只能走机动车道，很不安全。';

/** Fails when the page scrolls sideways at this width. */
async function noSidewaysScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `${where}：手机宽度下页面不应横向滚动（超出 ${overflow}px）`);
}

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
  await logIn(page, baseUrl, 'station1');
  await settle(page);
  await screenshot(page, 'dashboard');

  await page.goto(`${baseUrl}/station-visits`);
  await page.getByRole('button', { name: '登记来访' }).waitFor();
  await page.getByText('接待人次').first().waitFor();
  await settle(page);
  await noSidewaysScroll(page, '来访登记');
  await screenshot(page, 'visits');

  await page.getByRole('button', { name: '登记来访' }).click();
  await page.waitForURL('**/station-visits/new');
  await page.getByLabel('来访群众姓名').fill(VISITOR);
  await page.getByLabel('联系电话').fill(PHONE);
  await page.getByLabel('来访人数').fill('2');
  await page.getByLabel('反映事项').fill(MATTER);
  const members = page.locator('.ant-checkbox-wrapper');
  await members.first().waitFor();
  const memberCount = await members.count();
  check(memberCount >= 2, `登记表应列出本站驻站委员（实际 ${memberCount} 位）`);
  await members.nth(0).click();
  await members.nth(1).click();
  await settle(page);
  await noSidewaysScroll(page, '登记来访');
  await screenshot(page, 'visit-form');
  await page.getByRole('button', { name: '保存登记' }).click();

  await page.waitForURL((url) => /\/station-visits\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 20_000 });
  await page.getByText('待处理').first().waitFor();
  const body = await page.locator('main').innerText();
  check(body.includes('黄**'), '来访群众姓名应脱敏显示为“黄**”');
  check(body.includes('138****9999'), '联系电话应脱敏显示为“138****9999”');
  check(!body.includes(VISITOR) && !body.includes(PHONE), '页面不应显示完整的姓名和电话');
  await settle(page);
  await noSidewaysScroll(page, '来访详情');
  await screenshot(page, 'visit-open');

  const convert = page.getByRole('button', { name: '转为微建议' });
  check((await convert.count()) > 0, '有到场委员的来访事项应可转为微建议');
  await convert.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').waitFor();
  check((await dialog.getByLabel('问题描述').inputValue()) === MATTER, '问题描述应预填为反映事项');
  await dialog.getByLabel('建议').fill('在菜场东侧划定电动车停放区，安排协管员早晚高峰劝导，恢复人行道通行。');
  await settle(page);
  await screenshot(page, 'convert-dialog');
  await dialog.getByRole('button', { name: '提交微建议' }).click();
  await page.getByText('已转为微建议', { exact: true }).first().waitFor({ timeout: 20_000 });
  await page.getByText('已转微建议').first().waitFor();
  await settle(page);
  await screenshot(page, 'visit-converted');

  await page.goto(`${baseUrl}/station-duty`);
  await page.getByRole('button', { name: '安排接待日' }).waitFor();
  await page.getByRole('button', { name: '调整' }).first().waitFor();
  await settle(page);
  await noSidewaysScroll(page, '接待日安排');
  await screenshot(page, 'duty-list');

  // 繁體: the whole screen converts, the visitor stays masked.
  await page.goBack();
  await page.getByText('已转微建议').first().waitFor();
  await page.evaluate(() => localStorage.setItem('cppcc.script', 'traditional'));
  await page.reload();
  await page.getByText('來訪登記').first().waitFor();
  await settle(page);
  await screenshot(page, 'visit-traditional');
  await page.evaluate(() => localStorage.setItem('cppcc.script', 'simplified'));

  const portal = await context.newPage();
  await portal.goto(`${baseUrl}/portal/demo-city/stations`);
  await portal.getByText('城关街道委员联络站').first().waitFor();
  const publicText = await portal.locator('body').innerText();
  check(publicText.includes('驻站委员'), '门户应列出驻站委员');
  check(!publicText.includes('138****') && !publicText.includes(VISITOR), '门户不应出现来访群众的信息');
  await settle(portal);
  await noSidewaysScroll(portal, '门户联络站');
  await screenshot(portal, 'portal-stations');
}
