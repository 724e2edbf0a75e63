// A micro-suggestion (微建议) from a phone to the public portal, every actor on a 390-px phone: member1 writes one
// with a photo (the draft saves itself) and submits it; the office accepts it and transfers it to unit1's unit;
// unit1 signs for it in its inbox and, on its handling page, replies with a photo of the fixed problem; member1 reads
// the reply with its after-photo and rates it 满意, which resolves it (also shown in the elder mode); the office
// publishes it; a visitor finds it on the portal with its before and after photos and without the phone number the
// member wrote, also in 繁體. Every screen is photographed.
import { deflateSync } from 'node:zlib';
import { check, logIn, settle } from '../support/helpers.mjs';

export const name = '微建议：委员手机拍照提出，提案委受理转交，承办单位带照片答复，委员评价，提案委公开，公众在门户查看';

/** unit1's unit in the demo data. */
const UNIT_NAME = '市发展和改革委员会';
const TITLE = `幸福路北段三盏路灯不亮（${Date.now().toString(36)}）`;
const PHONE_IN_TEXT = '13912345678';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** A PNG chunk with its length and CRC. */
function pngChunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let crc = 0xffffffff;
  for (const byte of typed) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, typed, sum]);
}

/** A photo stand-in: a width×height PNG shading from dark grey to the colour (a real image, checked by its bytes). */
function pngImage(width, height, [red, green, blue]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const f = (x + y) / (width + height);
      const at = y * stride + 1 + x * 3;
      raw[at] = red * f + 40 * (1 - f);
      raw[at + 1] = green * f + 40 * (1 - f);
      raw[at + 2] = blue * f + 40 * (1 - f);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A logged-in page of one demo account on a phone. */
async function phoneOf(newContext, baseUrl, username) {
  const context = await newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  if (username) await logIn(page, baseUrl, username);
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

/** Clicks a button by its text (antd puts a space between two characters) and confirms its popconfirm. */
async function clickAndConfirm(page, button, confirm, scope = page) {
  await scope.getByRole('button', { name: button }).first().click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: confirm }).click();
}

/** No sideways scrolling on the phone. */
async function noOverflow(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `${where}：手机宽度下页面不应横向滚动（超出 ${overflow}px）`);
}

/** Runs the journey. */
export async function run({ newContext, baseUrl, screenshot: save }) {
  const screenshot = async (page, label) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await save(page, label);
  };
  // A dialog taller than the phone's screen scrolls inside itself: the shot grows the window to show all of it.
  const dialogShot = async (page, label) => {
    const size = page.viewportSize();
    const height = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('.ant-modal-wrap')].map((wrap) => wrap.scrollHeight), 0),
    );
    if (size && height > size.height) await page.setViewportSize({ width: size.width, height });
    await settle(page);
    await save(page, label);
    if (size) await page.setViewportSize(size);
  };

  // 1. member1 writes a micro-suggestion on the phone: four short fields and a photo; the draft saves itself.
  const member = await phoneOf(newContext, baseUrl, 'member1');
  await member.goto(`${baseUrl}/micro-suggestions`);
  await member.getByRole('heading', { name: '我的微建议' }).waitFor();
  await screenshot(member, 'member-list');
  const started = Date.now();
  await member.getByRole('button', { name: /写微建议/ }).click();
  await member.waitForURL(/\/micro-suggestions\/new$/);
  await member.getByLabel('标题').fill(TITLE);
  await member.getByLabel('地点').fill('城关街道幸福社区');
  await member
    .getByLabel('问题')
    .fill(`幸福路北段靠近幸福小区东门的三盏路灯已不亮两周，夜间老人和学生通行不便。居民张先生（${PHONE_IN_TEXT}）多次反映。`);
  await member.getByLabel('建议').fill('请尽快检修更换路灯，并在路灯杆上标注报修电话。');
  await member.getByText('已自动保存').first().waitFor({ timeout: 20_000 });
  await member.waitForURL(/\/micro-suggestions\/[0-9a-f-]{36}\/edit$/);
  await member
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '路灯不亮.png', mimeType: 'image/png', buffer: pngImage(640, 480, [70, 110, 200]) });
  await member.locator('.micro-editor .ant-image img').first().waitFor({ timeout: 20_000 });
  check((await member.getByText('（1/3）').count()) > 0, '上传后应显示 1/3 张照片');
  await noOverflow(member, '写微建议');
  await screenshot(member, 'member-form');
  await clickAndConfirm(member, /提\s*交/, /提\s*交/);
  await member.waitForURL(/\/micro-suggestions\/[0-9a-f-]{36}$/);
  await member.getByText('已提交').first().waitFor();
  const seconds = (Date.now() - started) / 1000;
  check(seconds < 60, `写一条微建议应在一分钟内完成，实际 ${seconds.toFixed(0)} 秒`);
  const itemId = new URL(member.url()).pathname.split('/').pop();
  let item = ok(await apiAs(member, 'GET', `/micro-suggestions/${itemId}`), '读取微建议');
  check(
    item.state === 'submitted' && item.photos.length === 1,
    `微建议应已提交且带 1 张照片，实际：${item.state}/${item.photos.length}`,
  );
  await noOverflow(member, '微建议详情');
  await screenshot(member, 'member-submitted');

  // 2. The office finds it in its queue, accepts it and transfers it to unit1's unit.
  const office = await phoneOf(newContext, baseUrl, 'office');
  await office.goto(`${baseUrl}/office/micro-suggestions`);
  const row = office.locator('.micro-row-card', { hasText: TITLE });
  await row.waitFor();
  await screenshot(office, 'office-queue');
  await row.click();
  await office.waitForURL(/\/office\/micro-suggestions\/[0-9a-f-]{36}$/);
  await office.getByRole('button', { name: /^受\s*理$/ }).click();
  const accept = office.locator('.ant-modal:visible');
  await accept.getByText('受理后可转交承办单位办理').waitFor();
  await accept.getByRole('button', { name: /^受\s*理$/ }).click();
  await office.getByText('已受理').first().waitFor();
  await office.getByRole('button', { name: '转交承办单位' }).click();
  const transfer = office.locator('.ant-modal:visible');
  await transfer.getByText('建议的承办单位').waitFor();
  await transfer.locator('.ant-select').filter({ hasText: '输入单位名称搜索' }).click();
  await office.keyboard.type('发展和改革');
  await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: UNIT_NAME }).first().click();
  await dialogShot(office, 'office-transfer');
  await transfer.getByRole('button', { name: '确认转交' }).click();
  await office.getByText('已转交承办单位').first().waitFor();
  await office.locator('.ant-card', { hasText: '答复期限' }).getByText(UNIT_NAME).first().waitFor();
  await noOverflow(office, '提案委办理微建议');
  await screenshot(office, 'office-transferred');
  item = ok(await apiAs(office, 'GET', `/micro-suggestions/${itemId}`), '读取微建议');
  check(item.state === 'handling' && item.handling?.unitName === UNIT_NAME, `应已转交${UNIT_NAME}，实际：${item.state}`);
  const assignmentId = item.handling.assignmentId;

  // 3. unit1 signs for it in its inbox and replies with a photo of the repaired lights.
  const replyText = '经现场查看，三盏路灯因线路老化损坏，已于本周更换灯具和线路，恢复夜间照明，并在灯杆上张贴了报修电话。';
  const unit = await phoneOf(newContext, baseUrl, 'unit1');
  await unit.goto(`${baseUrl}/unit/inbox`);
  const card = unit.locator('.ant-card', { hasText: TITLE }).last();
  await card.waitFor();
  await screenshot(unit, 'unit-inbox');
  await clickAndConfirm(unit, /签\s*收$/, /签\s*收/, card);
  await unit.getByText('已签收').first().waitFor();
  // The handling page (shared with proposals): a reply draft, the photo of the repaired lights, then 发送答复 — a
  // micro-suggestion needs no leader's sign-off.
  await unit.getByRole('tab', { name: '已签收' }).click();
  const signed = unit.locator('.ant-card', { hasText: TITLE }).last();
  await signed
    .getByRole('button', { name: /办\s*理/ })
    .first()
    .click();
  await unit.waitForURL(new RegExp(`/handling/${assignmentId}$`));
  const editor = unit.locator('.ant-card', { hasText: '答复正文' }).first();
  await editor.getByLabel('答复正文').fill(replyText);
  await editor.getByLabel('联系人', { exact: true }).fill('李明');
  await editor.getByLabel('联系电话').fill('0571-87001234');
  await editor.getByRole('button', { name: '保存答复稿' }).click();
  await unit.getByText('答复稿已保存').first().waitFor();
  await unit
    .locator('.ant-upload input[type=file]')
    .first()
    .setInputFiles({ name: '修复后.png', mimeType: 'image/png', buffer: pngImage(640, 480, [250, 210, 90]) });
  await unit.getByText('已上传：修复后.png').first().waitFor();
  await noOverflow(unit, '承办单位答复');
  await screenshot(unit, 'unit-reply-draft');
  await unit
    .locator('button:visible')
    .filter({ hasText: /^\s*发送答复\s*$/ })
    .first()
    .click();
  await unit
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await unit.getByText('已发送答复').first().waitFor();
  await screenshot(unit, 'unit-replied');

  // 4. member1 reads the reply with its after-photo and rates it 满意: the micro-suggestion is resolved.
  await member.goto(`${baseUrl}/micro-suggestions/${itemId}`);
  const replyCard = member.locator('.micro-reply');
  await replyCard.getByText(replyText.slice(0, 12)).waitFor();
  await replyCard.getByText('办理后照片').waitFor();
  await replyCard.locator('.ant-image img').first().waitFor();
  await member.locator('.rating-form').waitFor();
  await noOverflow(member, '委员评价');
  await screenshot(member, 'member-reply');
  const form = member.locator('.rating-form');
  await form.getByText('满意', { exact: true }).click();
  await form.getByLabel('意见（可不填）').fill('路灯已亮，感谢及时办理。');
  await clickAndConfirm(member, '提交评价', /提\s*交/);
  await member.getByText('评价已提交').first().waitFor();
  await member.getByText('已办结').first().waitFor();
  await screenshot(member, 'member-resolved');
  item = ok(await apiAs(member, 'GET', `/micro-suggestions/${itemId}`), '读取微建议');
  check(item.state === 'resolved', `评价满意后应已办结，实际：${item.state}`);
  // The same page in the elder mode's large type: nothing runs off the side of the phone.
  await member.evaluate(() => localStorage.setItem('cppcc.elder', JSON.stringify({ enabled: true, fontSize: 20 })));
  await member.reload();
  await member.getByText('已办结').first().waitFor();
  const fontSize = await member.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  check(fontSize >= 18, `长者模式的基础字号应不小于 18px，实际：${fontSize}px`);
  await noOverflow(member, '长者模式下的微建议详情');
  await screenshot(member, 'member-resolved-elder');

  // 5. The office publishes it; the dialog shows the public text without the phone number.
  await office.goto(`${baseUrl}/office/micro-suggestions/${itemId}`);
  await office.getByRole('button', { name: /^公\s*开$/ }).click();
  const publish = office.locator('.ant-modal:visible');
  await publish.getByText('公开的照片').waitFor();
  await dialogShot(office, 'office-publish');
  await publish.getByRole('button', { name: '确认公开' }).click();
  await office.getByText('已公开到门户').first().waitFor();
  await office.getByText('已在门户公开').first().waitFor();
  await screenshot(office, 'office-published');

  // 6. A visitor finds it on the portal, without logging in: before and after photos, no phone number.
  const visitor = await phoneOf(newContext, baseUrl, null);
  const org = ok(await apiAs(office, 'GET', '/orgs/current'), '读取本会').code;
  await visitor.goto(`${baseUrl}/portal/${org}`);
  await visitor.getByText('查看微建议').click();
  await visitor.waitForURL(/\/micro-suggestions$/);
  const hit = visitor.locator('.ant-list-item', { hasText: TITLE }).first();
  await hit.waitFor();
  await screenshot(visitor, 'portal-list');
  await hit.getByRole('link', { name: TITLE }).last().click();
  await visitor.getByText(replyText.slice(0, 12)).first().waitFor();
  await visitor.locator('.ant-card', { hasText: '办理前' }).locator('.ant-image img').first().waitFor();
  await visitor.locator('.ant-card', { hasText: '办理后' }).locator('.ant-image img').first().waitFor();
  const publicText = (await visitor.locator('main').textContent()) ?? '';
  check(!publicText.includes(PHONE_IN_TEXT), '门户上的微建议不应含委员写入的手机号');
  check(!publicText.includes('0571-87001234') && !publicText.includes('李明'), '门户上不应含承办单位联系人和电话');
  await noOverflow(visitor, '门户微建议');
  await screenshot(visitor, 'portal-detail');
  await visitor.getByText('繁體').first().click();
  await visitor.getByText('微建議').first().waitFor();
  await screenshot(visitor, 'portal-detail-traditional');
}
