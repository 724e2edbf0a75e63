// A joint proposal from writing to the handling unit: member1 writes it and invites member2, member2 accepts,
// member1 submits, the office files it (it gets its number) and assigns it to a lead unit with a co-handler, and
// the lead unit (unit1) signs for it. Every screen is photographed.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '提案：委员起草联名提案、联名人同意、提交，提案委立案并交办，主办单位签收';

const TITLE = '关于建设社区儿童友好空间的建议';
const LEAD_UNIT = '市发展和改革委员会';
const CO_UNIT = '市教育局';

/** A logged-in page of one demo account at desktop size. */
async function pageOf(newContext, baseUrl, username) {
  const context = await newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  return page;
}

/** The current user's display name, as the server knows it. */
async function displayName(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).displayName ?? '');
}

/** Picks the option with this text in the Ant Design select labelled `label`. */
async function pick(page, scope, label, text) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: text }).first().waitFor();
  // Enter takes the highlighted option (the first match), as a keyboard user would.
  await input.press('Enter');
  await page
    .locator('.ant-select-dropdown:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot }) {
  const coSigner = await pageOf(newContext, baseUrl, 'member2');
  const coSignerName = await displayName(coSigner);
  check(coSignerName.length > 0, '应能读到联名委员 member2 的姓名');

  // 1. member1 writes the draft; autosave keeps it.
  const member = await pageOf(newContext, baseUrl, 'member1');
  await member.goto(`${baseUrl}/proposals/new`);
  await member.getByLabel('案由').fill(TITLE);
  await member
    .getByLabel('情况分析')
    .fill('全市14岁以下儿童约60万人，社区内适合儿童活动的公共空间不足，现有游乐设施老化、缺少看护座椅和遮阳设施。');
  await member
    .getByLabel('建议')
    .fill('一是将儿童友好空间纳入社区更新规划；二是利用闲置用房建设儿童之家；三是建立设施安全巡查和维护制度。');
  await member.getByText('已自动保存').first().waitFor({ timeout: 20_000 });
  await settle(member);
  await screenshot(member, 'proposal-1-editor');

  // 2. member1 invites member2 to co-sign; the text is frozen from here on and the detail page opens.
  // The picker takes several members: type, Enter on the highlighted one, Escape to close the list.
  const coSignerInput = member.getByLabel('邀请委员联名', { exact: true });
  await coSignerInput.click();
  await coSignerInput.fill(coSignerName);
  await member
    .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: coSignerName })
    .first()
    .waitFor();
  await coSignerInput.press('Enter');
  await coSignerInput.press('Escape');
  await member.getByRole('button', { name: '发送邀请' }).click();
  await member.getByRole('button', { name: '发出邀请' }).click();
  await member.waitForURL(/\/proposals\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const proposalUrl = member.url();
  await member.getByText('联名征集中').first().waitFor();
  await settle(member);
  await screenshot(member, 'proposal-2-co-signing');

  // 3. member2 finds it in the co-signing inbox and accepts.
  await coSigner.goto(`${baseUrl}/proposals`);
  await coSigner.getByRole('tab', { name: /待我联名/ }).click();
  await coSigner.getByText(TITLE).first().waitFor();
  await settle(coSigner);
  await screenshot(coSigner, 'proposal-3-co-signer-inbox');
  await coSigner.goto(proposalUrl);
  await coSigner.getByRole('button', { name: '同意联名' }).first().click();
  await coSigner.getByText('已同意').first().waitFor();
  await settle(coSigner);
  await screenshot(coSigner, 'proposal-4-co-signer-accepted');

  // 4. member1 submits (with an Idempotency-Key) after a confirmation.
  await member.reload();
  await member.getByRole('button', { name: '提交', exact: true }).click();
  await member.getByRole('button', { name: '确认提交' }).click();
  await member.getByText('已提交').first().waitFor();
  await settle(member);
  await screenshot(member, 'proposal-5-submitted');

  // 5. The office sees it in the review queue, files it (it gets its number) and assigns it.
  const office = await pageOf(newContext, baseUrl, 'office');
  await office.goto(`${baseUrl}/office/review`);
  await office.getByText(TITLE).first().waitFor();
  await settle(office);
  await screenshot(office, 'proposal-6-review-queue');
  await office.goto(proposalUrl);
  await office.getByRole('button', { name: '立案', exact: true }).click();
  await office.getByRole('button', { name: '确认立案' }).click();
  await office.getByText('已立案').first().waitFor();
  const numbered = await office
    .getByText(/第\d{4}号/)
    .first()
    .textContent();
  check(/第\d{4}号/.test(numbered ?? ''), `立案后应显示提案号，实际：${numbered}`);
  await settle(office);
  await screenshot(office, 'proposal-7-filed');

  await office.getByRole('button', { name: '交办', exact: true }).click();
  const dialog = office.locator('.ant-modal:visible');
  await dialog.getByText('主办+会办', { exact: true }).click();
  await pick(office, dialog, '主办单位', LEAD_UNIT);
  await pick(office, dialog, '会办单位', CO_UNIT);
  await dialog.locator('.ant-modal-title').click();
  await settle(office);
  await screenshot(office, 'proposal-8-assign-dialog');
  await dialog.getByRole('button', { name: '确认交办' }).click();
  await office.getByText('已交办').first().waitFor();
  await office.getByText(LEAD_UNIT).first().waitFor();
  await office.getByText(CO_UNIT).first().waitFor();
  await settle(office);
  await screenshot(office, 'proposal-9-assigned');

  // 6. The lead unit signs for it in its inbox.
  const unit = await pageOf(newContext, baseUrl, 'unit1');
  await unit.goto(`${baseUrl}/unit/inbox`);
  const card = unit.locator('.ant-card', { hasText: TITLE }).first();
  await card.waitFor();
  await settle(unit);
  await screenshot(unit, 'proposal-10-unit-inbox');
  await card.getByRole('button', { name: '签收' }).first().click();
  await unit.locator('.ant-popconfirm:visible').getByRole('button', { name: '签收' }).click();
  await unit.getByText('已签收').first().waitFor();
  await unit.goto(proposalUrl);
  await unit.getByText('已签收').first().waitFor();
  await settle(unit);
  await screenshot(unit, 'proposal-11-signed-for');
}
