// 全文检索 from the header: the office types a word of a demo proposal into the header's box, sees the word
// highlighted in the results, narrows them by type and state (the filters land in the URL), and opens the proposal;
// then 历史数据与智能分办 (from the menu) shows how much history there is and the models' status.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '全文检索：提案委在页头搜索、看到高亮、按类型和状态筛选并打开提案；查看智能分办状态';

const WORD = '数据';
const TITLE = '关于推动城市数据资源开放共享的建议';

/** Picks the option with exactly this text in the select labelled `label` (a filter applies at once). */
async function pickOption(page, label, option) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  await page
    .locator('.ant-select-dropdown:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const context = await newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, baseUrl, 'office');

  // 1. The header's box: Enter opens 全文检索 with the words in the URL.
  const box = page.locator('header').getByLabel('全文检索');
  await box.fill(WORD);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === WORD, { timeout: 20_000 });
  const result = page.locator('.ant-list-item', { hasText: TITLE });
  await result.first().waitFor({ timeout: 20_000 });
  const marked = await result.first().locator('mark').allTextContents();
  check(marked.includes(WORD), `结果中的“${WORD}”应高亮，实际高亮：${JSON.stringify(marked)}`);
  check((await page.getByLabel('检索词', { exact: true }).inputValue()) === WORD, '检索页的检索词应为页头输入的词');
  await settle(page);
  await screenshot(page, 'search-results');

  // 2. Filters: 类型 提案 and 状态 已立案; both land in the URL and the proposal stays in the results.
  await pickOption(page, '类型', '提案');
  await page.waitForURL((url) => url.searchParams.get('type') === 'proposal', { timeout: 10_000 });
  await pickOption(page, '状态', '已立案');
  await page.waitForURL((url) => url.searchParams.get('state') === 'filed', { timeout: 10_000 });
  await page.getByText(/^共 \d+ 条$/).waitFor();
  await result.first().waitFor({ timeout: 20_000 });
  const states = await page.locator('.ant-list-item .ant-tag').allTextContents();
  check(
    states.every((text) => !['已交办', '待审查', '已提交'].includes(text)),
    `按“已立案”筛选后不应有其他状态的提案：${JSON.stringify(states)}`,
  );
  await settle(page);
  await screenshot(page, 'search-filtered');

  // 3. The highlighted title opens the proposal's detail.
  await result.first().getByRole('link').first().click();
  await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await page.getByText(TITLE).first().waitFor();
  await settle(page);
  await screenshot(page, 'search-opened-proposal');

  // 4. 历史数据与智能分办 from the menu: how much history there is and each model's training.
  await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '历史数据与智能分办' }).click();
  await page.waitForURL((url) => url.pathname === '/office/routing', { timeout: 10_000 });
  await page.getByText('导入历史数据').first().waitFor();
  await page.getByText('已导入的历史数据').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: '下载导入模板' }).waitFor();
  await settle(page);
  await screenshot(page, 'routing-status');
}
