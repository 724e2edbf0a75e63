// Handling a proposal to its close: a filed proposal of member1 is assigned to the 发改委 and signed for (set up
// through the API); unit1 opens it from the inbox, drafts a reply, is told to contact the proposer first, records a
// contact and submits; unitleader1 signs off and sends; member1 rates it dissatisfied, which reopens it; unit1
// drafts the round-2 reply (class B, with its follow-up date), submits, the leader sends; member1 rates it
// satisfied and the proposal closes; the office publishes it on 公开审核, the public finds it on the portal without
// contact details, and the office archives its session (十届三次会议, not the current one), which makes it
// read-only. Every screen is photographed.
import { check, logIn, settle } from '../support/helpers.mjs';

export const name =
  '办理到归档：承办单位沟通、起草答复送签，领导签发，提案人不满意后二次办理，满意办结，提案委公开、门户可查，会议归档后只读';

/** The demo session the journey's proposal belongs to: a finished one, so that it can be archived at the end. */
const SESSION = '十届三次会议';

const TITLE = '关于完善社区老年助餐服务的建议';

/** A logged-in page of one demo account at desktop size. */
async function pageOf(newContext, baseUrl, username) {
  const context = await newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  return page;
}

/** Calls the API as the page's user (cookie session + CSRF header); answers { status, body }. */
async function apiAs(page, method, path, { body, version, idempotencyKey } = {}) {
  return page.evaluate(
    async ({ method, path, body, version, idempotencyKey }) => {
      const csrf = document.cookie
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('csrf='));
      const headers = { accept: 'application/json', 'content-type': 'application/json' };
      if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf.slice(5));
      if (version !== undefined) headers['if-match'] = `"${version}"`;
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body, version, idempotencyKey },
  );
}

/** The API answer's body, or a failure naming the call and the server's message. */
function ok(answer, what) {
  check(answer.status >= 200 && answer.status < 300, `${what} 失败（${answer.status}）：${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A business date `days` from today in Shanghai (YYYY-MM-DD). */
function dayFromToday(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [year, month, date] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Picks the option with this text in the Ant Design select labelled `label`. */
async function pick(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page
    .locator('.ant-select-dropdown:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

/**
 * Clicks an action button of the reply card and confirms it in the popconfirm. Found by its text, not its role:
 * while a closing dialog (aria-modal) is still in the page, role queries see only the dialog's content.
 */
async function confirmAction(page, button) {
  await page
    .locator('button:visible')
    .filter({ hasText: new RegExp(`^\\s*${button}\\s*$`) })
    .first()
    .click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确认' }).click();
}

/** Writes a reply in the editor and saves it as a draft. */
async function draftReply(page, { text, resultClass, followUpOn }) {
  const editor = page.locator('.ant-card', { hasText: '答复正文' }).first();
  await editor.getByLabel('答复正文').fill(text);
  await pick(page, editor, '答复类别', `${resultClass} 类`);
  if (followUpOn) {
    const date = editor.getByLabel('后续办理情况报告日期');
    await date.click();
    await date.fill(followUpOn);
    await date.press('Enter');
  }
  await editor.getByLabel('联系人', { exact: true }).fill('李明');
  await editor.getByLabel('联系电话').fill('0571-87001234');
  await editor.getByRole('button', { name: '保存答复稿' }).click();
  await page.getByText('答复稿已保存').first().waitFor();
}

/** member1 rates the current reply on the proposal page. */
async function rate(page, rating, comment) {
  const form = page.locator('.rating-form');
  await form.waitFor();
  await form.getByText(rating, { exact: true }).click();
  await form.locator('.ant-form-item', { hasText: '承办单位是否与您沟通' }).getByText('是', { exact: true }).click();
  await form
    .locator('.ant-form-item', { hasText: '答复是否回应了您的建议' })
    .getByText(rating === '不满意' ? '否' : '是', { exact: true })
    .click();
  await form.getByLabel('意见和建议（可不填）').fill(comment);
  await form.getByRole('button', { name: '提交评价' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '提交' }).click();
  await page.getByText('评价已提交').first().waitFor();
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot: save }) {
  // Full-page shots from the top, so the sticky header stays at the top of the picture.
  const screenshot = async (page, label) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await save(page, label);
  };
  // 0. Setup through the API: member1 writes and submits, the office files and assigns to unit1's unit (单办),
  // unit1 signs for it.
  const member = await pageOf(newContext, baseUrl, 'member1');
  const unit = await pageOf(newContext, baseUrl, 'unit1');
  const office = await pageOf(newContext, baseUrl, 'office');
  const unitMe = ok(await apiAs(unit, 'GET', '/auth/me'), '读取 unit1 账户');
  check(unitMe.unitId, 'unit1 应属于一个承办单位');

  const sessions = ok(await apiAs(office, 'GET', '/sessions'), '读取会议').items;
  const session = sessions.find((item) => item.name === SESSION);
  check(session && !session.isCurrent && !session.archivedAt, `演示数据应有未归档的往届会议“${SESSION}”`);
  let proposal = ok(
    await apiAs(member, 'POST', '/proposals', {
      body: {
        sessionId: session.id,
        title: TITLE,
        background: '全市60岁以上老年人约120万，独居、高龄老人用餐难问题突出，现有社区食堂覆盖不足、价格偏高。',
        suggestions:
          '一是按15分钟生活圈布局老年助餐点；二是对高龄、低保老人给予用餐补贴；三是引入社会力量参与运营并加强食品安全监管。',
        keywords: ['养老', '助餐'],
      },
      idempotencyKey: `journey-create-${Date.now()}`,
    }),
    '起草提案',
  );
  proposal = ok(
    await apiAs(member, 'POST', `/proposals/${proposal.id}/actions/submit`, {
      version: proposal.version,
      idempotencyKey: `journey-submit-${proposal.id}`,
    }),
    '提交提案',
  );
  proposal = ok(await apiAs(office, 'POST', `/proposals/${proposal.id}/actions/file`, { version: proposal.version }), '立案');
  ok(
    await apiAs(office, 'POST', `/proposals/${proposal.id}/actions/assign`, {
      version: proposal.version,
      body: { mode: 'sole', unitIds: [unitMe.unitId] },
    }),
    '交办',
  );
  const [assignment] = ok(await apiAs(unit, 'GET', `/assignments?proposalId=${proposal.id}`), '读取交办件').items;
  check(assignment, '承办单位应能看到交办件');
  ok(await apiAs(unit, 'POST', `/assignments/${assignment.id}/actions/sign_for`, { version: assignment.version }), '签收');
  const handlingUrl = `${baseUrl}/handling/${assignment.id}`;
  const proposalUrl = `${baseUrl}/proposals/${proposal.id}`;

  // 1. unit1 finds it among the signed-for items of its inbox and opens its handling page (办理).
  await unit.goto(`${baseUrl}/unit/inbox`);
  await unit.getByRole('tab', { name: '已签收' }).click();
  // The innermost card holding the title: the assignment's own (the page's card holds every one).
  const card = unit.locator('.ant-card', { hasText: TITLE }).last();
  await card.waitFor();
  await screenshot(unit, 'inbox-signed-for');
  await card.getByRole('button', { name: '办理' }).click();
  await unit.waitForURL(/\/handling\/[0-9a-f-]{36}$/);
  await unit.getByText('答复前须至少与提案人沟通一次').first().waitFor();
  await screenshot(unit, 'handling-start');

  // 2. A draft; sending it for sign-off before any contact is refused with the server's reason.
  await draftReply(unit, {
    text: '经研究，我委将会同民政、市场监管部门，年内新增老年助餐点50个，并对高龄、低保老人按每餐3元给予补贴。',
    resultClass: 'A',
  });
  // The draft carries the implementation plan as a file.
  await unit
    .locator('.ant-upload input[type=file]')
    .first()
    .setInputFiles({ name: '老年助餐点建设方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await unit.getByText('已上传：老年助餐点建设方案.pdf').first().waitFor();
  await unit.getByRole('button', { name: '老年助餐点建设方案.pdf' }).first().waitFor();
  await confirmAction(unit, '送领导签发');
  await unit.locator('.ant-alert-error', { hasText: '请先记录沟通情况' }).waitFor();
  await screenshot(unit, 'contact-required');

  // 3. unit1 records a visit, then sends the draft to the leader.
  await unit.getByRole('button', { name: '记录沟通' }).click();
  const contact = unit.locator('.ant-modal:visible');
  await contact.getByLabel('参加人员').fill('我委社会处处长张伟；提案人王建国委员');
  await contact.getByLabel('沟通情况').fill('上门听取提案人对助餐点布局和补贴标准的意见，介绍办理思路，提案人表示认可。');
  await screenshot(unit, 'contact-dialog');
  await contact.getByRole('button', { name: '保存' }).click();
  await unit.getByText('沟通情况已记录').first().waitFor();
  await unit.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
  await confirmAction(unit, '送领导签发');
  await unit.getByText('已送分管领导签发').first().waitFor();
  await unit.getByText('待领导签发').first().waitFor();
  await screenshot(unit, 'submitted');

  // 4. The leader signs off and sends it to the proposer.
  const leader = await pageOf(newContext, baseUrl, 'unitleader1');
  await leader.goto(handlingUrl);
  await leader.getByRole('button', { name: '签发并答复' }).waitFor();
  await screenshot(leader, 'leader-sign-off');
  await confirmAction(leader, '签发并答复');
  await leader.getByText('已签发并答复提案人').first().waitFor();
  await screenshot(leader, 'sent');

  // 5. member1 reads the reply and rates it dissatisfied: the proposal goes back for a second handling.
  await member.goto(proposalUrl);
  await member.getByText('评价这份答复').waitFor();
  await member.getByRole('button', { name: '老年助餐点建设方案.pdf' }).first().waitFor();
  await screenshot(member, 'member-rating-form');
  await rate(member, '不满意', '补贴标准偏低，且没有说明助餐点的选址计划。');
  await member.getByText('二次办理').first().waitFor();
  const myFirst = await member.locator('#replies').textContent();
  check(myFirst?.includes('我的评价') && myFirst.includes('不满意'), '评价后应显示“我的评价：不满意”');
  await screenshot(member, 'member-dissatisfied');

  // 6. unit1 drafts the round-2 reply (class B needs its follow-up report date), submits; the leader sends.
  await unit.goto(handlingUrl);
  await unit.getByText('起草二次办理答复').waitFor();
  await unit.getByText('补贴标准偏低').first().waitFor();
  await draftReply(unit, {
    text: '经再次研究，我委已将助餐点选址纳入15分钟生活圈规划，明年分两批建成；补贴标准提高至每餐5元，列入明年预算。',
    resultClass: 'B',
    followUpOn: dayFromToday(90),
  });
  await confirmAction(unit, '送领导签发');
  await unit.getByText('已送分管领导签发').first().waitFor();
  await screenshot(unit, 'round-2-submitted');
  await leader.goto(handlingUrl);
  await leader.getByRole('button', { name: '签发并答复' }).waitFor();
  await confirmAction(leader, '签发并答复');
  await leader.getByText('已签发并答复提案人').first().waitFor();
  await screenshot(leader, 'round-2-sent');

  // 7. member1 rates the second reply satisfied; the proposal is closed.
  await member.goto(proposalUrl);
  await member.getByText('评价这份答复').waitFor();
  await rate(member, '满意', '答复具体，感谢承办单位。');
  await member.getByText('已办结').first().waitFor();
  await screenshot(member, 'member-satisfied-closed');
  const replies = ok(await apiAs(member, 'GET', `/proposals/${proposal.id}/replies`), '读取答复');
  check(replies.state === 'closed', `提案应已办结，实际：${replies.state}`);
  check(
    replies.items
      .filter((item) => item.kind === 'reply')
      .sort((a, b) => a.round - b.round)
      .map((item) => `${item.round}:${item.myRating}`)
      .join(',') === '1:dissatisfied,2:satisfied',
    `两轮答复的评价应为不满意、满意，实际：${JSON.stringify(replies.items.map((item) => [item.round, item.myRating]))}`,
  );

  // 8. The office sees both replies with the ratings on the proposal page.
  await office.goto(proposalUrl);
  await office.getByText('提案人评价').first().waitFor();
  await screenshot(office, 'office-ratings');

  // 9. The office publishes it on 公开审核: the preview is the public text, without the unit's contact person.
  await office.goto(`${baseUrl}/office/publication?sessionId=${session.id}`);
  const row = office.locator('.ant-table-row', { hasText: TITLE });
  await row.waitFor();
  await screenshot(office, 'publication-queue');
  await row.getByRole('button', { name: '审核公开' }).click();
  const drawer = office.getByRole('dialog').filter({ hasText: '公开审核' });
  await drawer.getByText('补贴标准提高至每餐5元').first().waitFor();
  const preview = (await drawer.textContent()) ?? '';
  check(!preview.includes('0571-87001234') && !preview.includes('李明'), '公开文本不应含承办单位联系人和电话');
  await screenshot(office, 'publication-preview');
  await drawer.getByRole('button', { name: '确定' }).click();
  await office.getByText(`公开：${TITLE}`).first().waitFor();
  await office.getByRole('tab', { name: '已公开' }).click();
  await office.locator('.ant-table-row', { hasText: TITLE }).waitFor();
  await screenshot(office, 'publication-published');

  // 10. Anyone finds it on the public portal, without logging in; the reply reads without contact details.
  const publicContext = await newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
  const visitor = await publicContext.newPage();
  const org = ok(await apiAs(office, 'GET', '/orgs/current'), '读取本会').code;
  await visitor.goto(`${baseUrl}/portal/${org}`);
  await visitor.getByLabel('搜索公开的提案').fill('老年助餐');
  await visitor.getByLabel('搜索公开的提案').press('Enter');
  const hit = visitor.locator('.ant-list-item', { hasText: '社区老年助餐' }).first();
  await hit.waitFor();
  await screenshot(visitor, 'portal-search');
  await hit.locator('a').first().click();
  await visitor.getByText('情况分析').first().waitFor();
  await visitor.getByText('具体建议').first().waitFor();
  await visitor.getByText('补贴标准提高至每餐5元').first().waitFor();
  const publicText = (await visitor.locator('main').textContent()) ?? '';
  check(!publicText.includes('0571-87001234') && !publicText.includes('李明'), '门户上的答复不应含联系人和电话');
  await screenshot(visitor, 'portal-proposal');

  // 11. The office archives the session: a confirmation with what it freezes, then the package is built.
  await office.goto(`${baseUrl}/office/archive`);
  const sessionRow = office.locator('.ant-table-row', { hasText: SESSION });
  await sessionRow.getByRole('button', { name: '归档' }).click();
  const dialog = office.locator('.ant-modal:visible');
  await dialog.getByText('提案总数').waitFor();
  await screenshot(office, 'archive-confirm');
  await dialog.getByRole('button', { name: '确认归档' }).click();
  await office.getByText('已归档，正在生成归档包').first().waitFor();
  await sessionRow.getByRole('button', { name: '下载归档包' }).waitFor({ timeout: 60_000 });
  await screenshot(office, 'archived');

  // The proposal is now read-only: its page says 已归档 and a change is refused with the reason.
  await member.goto(proposalUrl);
  await member.getByText('已归档').first().waitFor();
  await screenshot(member, 'member-archived');
  const archived = ok(await apiAs(office, 'GET', `/proposals/${proposal.id}`), '读取归档的提案');
  check(
    archived.state === 'archived' && archived.stateBeforeArchive === 'closed',
    `提案应已归档（办结后），实际：${archived.state}`,
  );
  const refused = await apiAs(member, 'POST', `/proposals/${proposal.id}/supplements`, {
    body: { text: '补充：最新调研数据。' },
  });
  check(refused.status === 409, `归档后补充材料应被拒绝（409），实际：${refused.status}`);
}
