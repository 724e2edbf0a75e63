// The workbench (工作台) of three roles: member1 on a phone (also in elder mode and in 繁體), the office on a desktop
// and unit1 on a phone. Each logs in, sees its cards, checks one card's count against GET /api/v1/workbench, and
// follows the card to its list, which shows that many rows. Screenshots at 390 px and 1366 px.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '工作台：委员、提案委、承办单位各看到自己的待办，计数与接口一致，点卡片打开筛选后的列表';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };

/** A logged-in page of a demo account, on its workbench. */
async function pageOf(newContext, baseUrl, username, options) {
  const context = await newContext(options);
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  await page.locator('.wb-card').first().waitFor({ timeout: 20_000 });
  return page;
}

/** The user's cards as the API answers them, with the page's own session. */
async function apiCards(page) {
  const cards = await page.evaluate(async () => {
    const response = await fetch('/api/v1/workbench', { headers: { accept: 'application/json' } });
    return response.ok ? (await response.json()).cards : null;
  });
  check(Array.isArray(cards), '工作台接口应返回卡片');
  return cards;
}

/** The number a count card shows. */
async function shownCount(page, key) {
  const text = await page.locator(`a[data-card="${key}"] .ant-statistic-content-value`).first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Checks that the card shows the API's count, then follows it; answers the count. */
async function followCard(page, key, expectedPath) {
  const card = (await apiCards(page)).find((item) => item.key === key);
  check(card, `工作台应有卡片 ${key}`);
  const shown = await shownCount(page, key);
  check(shown === card.count, `卡片“${card.label}”显示 ${shown}，接口为 ${card.count}`);
  await page.locator(`a[data-card="${key}"]`).first().click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === expectedPath, { timeout: 10_000 });
  return card.count;
}

/** Waits until the page shows `expected` elements matching the selector; fails naming how many it shows. */
async function expectRows(page, selector, expected, what) {
  try {
    await page.waitForFunction(([css, count]) => document.querySelectorAll(css).length === count, [selector, expected], {
      timeout: 10_000,
    });
  } catch {
    const shown = await page.locator(selector).count();
    check(false, `${what}应有 ${expected} 件，实际 ${shown} 件`);
  }
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  // 委员 on a phone: two columns of cards, the big 写提案 button; 我的草稿 opens the drafts.
  const member = await pageOf(newContext, baseUrl, 'member1', PHONE);
  await settle(member);
  const columns = await member
    .locator('.wb-grid .ant-col')
    .evaluateAll((cells) => new Set(cells.map((cell) => cell.getBoundingClientRect().left)).size);
  check(columns === 2, `手机上工作台卡片应为两列，实际 ${columns} 列`);
  await member.getByRole('button', { name: '写提案' }).waitFor();
  const overflow = await member.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `手机上工作台不应横向滚动（超出 ${overflow}px）`);
  await screenshot(member, 'member-phone');
  const drafts = await followCard(member, 'proposals.drafts', '/proposals?tab=mine&state=draft');
  await member.getByRole('tab', { name: '我的提案', selected: true }).waitFor();
  await expectRows(member, '.ant-list-item', drafts, '草稿列表');
  await settle(member);
  await screenshot(member, 'member-drafts-list');

  // The same member back on the workbench in elder mode, then in 繁體 on a desktop width.
  await member.goto(`${baseUrl}/`);
  await member.evaluate(() => localStorage.setItem('cppcc.elder', JSON.stringify({ enabled: true, fontSize: 20 })));
  await member.reload();
  await member.locator('.wb-card').first().waitFor();
  await settle(member);
  const buttonHeight = await member
    .getByRole('button', { name: '写提案' })
    .evaluate((element) => element.getBoundingClientRect().height);
  check(buttonHeight >= 44, `长者模式下写提案按钮高度应不小于 44px，实际 ${buttonHeight}px`);
  await screenshot(member, 'member-phone-elder');
  await member.setViewportSize(DESKTOP.viewport);
  await member.evaluate(() => {
    localStorage.removeItem('cppcc.elder');
    localStorage.setItem('cppcc.script', 'traditional');
  });
  await member.reload();
  await member.getByRole('button', { name: '寫提案' }).waitFor({ timeout: 10_000 });
  await member.getByText('待我聯名').first().waitFor();
  await settle(member);
  await screenshot(member, 'member-desktop-traditional');
  await member.evaluate(() => localStorage.removeItem('cppcc.script'));

  // 提案委 on a desktop: 待审查 opens the review queue with as many rows.
  const office = await pageOf(newContext, baseUrl, 'office', DESKTOP);
  await office.getByRole('button', { name: '去审查' }).waitFor();
  await settle(office);
  await screenshot(office, 'office-desktop');
  const review = await followCard(office, 'proposals.review', '/office/review');
  await office.getByRole('heading', { name: '提案审查' }).waitFor();
  await expectRows(office, '.ant-table-tbody tr.ant-table-row', Math.min(review, 20), '审查列表');
  await settle(office);
  await screenshot(office, 'office-review-queue');
  await office.setViewportSize(PHONE.viewport);
  await office.goto(`${baseUrl}/`);
  await office.locator('.wb-card').first().waitFor();
  await settle(office);
  await screenshot(office, 'office-phone');

  // 承办单位经办人 on a phone: 待签收 opens the inbox's 待签收 tab with as many assignments.
  const unit = await pageOf(newContext, baseUrl, 'unit1', PHONE);
  await unit.getByRole('button', { name: '去办理' }).waitFor();
  await settle(unit);
  await screenshot(unit, 'unit-phone');
  const pending = await followCard(unit, 'handling.unit_pending', '/unit/inbox?tab=pending');
  await unit.getByRole('tab', { name: '待签收', selected: true }).waitFor();
  // Each assignment is a card inside the inbox's card.
  await expectRows(unit, '.ant-card .ant-card', Math.min(pending, 20), '待签收列表');
  await settle(unit);
  await screenshot(unit, 'unit-inbox-pending');
  await unit.setViewportSize(DESKTOP.viewport);
  await unit.goto(`${baseUrl}/`);
  await unit.locator('.wb-card').first().waitFor();
  await settle(unit);
  await screenshot(unit, 'unit-desktop');
}
