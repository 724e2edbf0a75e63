import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../../contracts/search.ts';
import { newId } from '../../platform/db/columns.ts';
import { quoteLexeme, tenantLexeme } from '../../platform/search/tsvector.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { call, createProposalCommittee, draftBody, TODAY } from '../proposals/proposals.test-support.ts';
import { SEARCH_CAP } from './search.queries.ts';
import { indexDocument, type SearchDocumentInput } from './search-documents.ts';

type Committee = Awaited<ReturnType<typeof createProposalCommittee>>;
type Json = { id: string; version: number; state: string; number: string | null };

describe('search API: words, phrases, filters, ranking, paging, tenants and the portal', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let other: Committee;
  let cityCode: string;
  let leaderHeaders: Record<string, string>;
  /** Ids of the documents indexed directly, by key. */
  const ids: Record<string, string> = {};

  /** Indexes a document of the city directly (items other modules will write, and exact dates). */
  async function put(key: string, input: Partial<SearchDocumentInput> & { title: string }, orgId = city.orgId) {
    const id = newId();
    ids[key] = id;
    await indexDocument(test.dependencies.database.orm, {
      orgId,
      id,
      itemType: 'history',
      body: '',
      occurredAt: '2025-06-01T02:00:00.000Z',
      ...input,
    });
  }

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createAssignmentCommittee(test.dependencies);
    other = await createProposalCommittee(test.dependencies);
    const [organization] = await test.dependencies.database.orm
      .select({ code: organizations.code })
      .from(organizations)
      .where(eq(organizations.id, city.orgId));
    cityCode = organization.code;
    const leader = await createUser(test.dependencies, { orgId: city.orgId, roles: ['leader'] });
    leaderHeaders = await signIn(test.dependencies, leader);

    await put('titleHit', { title: '智慧停车系统建设', body: '完善城市管理。' });
    await put('bodyHit', { title: '城市交通综合治理', body: '停车难问题突出，停车位不足，停车收费混乱。' });
    await put('traditional', { title: '推動數據共享', body: '打破部門壁壘。' });
    await put('simplified', { title: '数据共享机制', body: '建立目录。' });
    await put('route', { title: '优化公交线路', body: '' });
    await put('fare', { title: '线路维修与公交票价', body: '' });
    await put('newYear', { title: '春节期间市场保供', occurredAt: '2025-12-31T16:30:00.000Z' });
    await put('newYearEve', { title: '春节前后物价监测', occurredAt: '2025-12-31T15:30:00.000Z' });
    await put('sessionItem', { title: '湿地保护', sessionId: city.sessionIds.previous, itemType: 'proposal' });
    await put('categoryItem', { title: '湿地公园建设', categoryId: city.categoryId, itemType: 'proposal', state: 'filed' });
    await put('published', { title: '垃圾分类全覆盖', itemType: 'publication', state: 'filed', published: true });
    await put('unpublished', { title: '垃圾分类收运体系', itemType: 'proposal', state: 'filed' });
    await put('publishedHistory', { title: '垃圾分类试点总结', published: true });
    await put(
      'foreignTwin',
      { title: '智慧停车系统建设', body: '完善城市管理。', published: true, itemType: 'proposal' },
      other.orgId,
    );
    for (let index = 0; index < 25; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      await put(`grid${index}`, { title: `网格化管理第${index}号`, occurredAt: `2025-03-${day}T0${index % 10}:00:00.000Z` });
    }
  });
  afterAll(async () => test.close());

  const search = async (query: string, headers: Record<string, string> = city.as('proposal_office')) => {
    const response = await call(test, 'GET', `/search?${query}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SearchPage;
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const keysOf = (page: SearchPage) => page.items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id) ?? item.id);

  it('finds Simplified text for a Traditional query and back', async () => {
    expect(keysOf(await search(q('數據共享'))).sort()).toEqual(['simplified', 'traditional']);
    expect(keysOf(await search(q('数据共享'))).sort()).toEqual(['simplified', 'traditional']);
    expect(keysOf(await search(q('数据'))).sort()).toEqual(['simplified', 'traditional']);
  });

  it('matches a quoted phrase only as adjacent words, bare words anywhere', async () => {
    expect(keysOf(await search(q('公交 线路'))).sort()).toEqual(['fare', 'route']);
    expect(keysOf(await search(q('"公交线路"')))).toEqual(['route']);
    expect(keysOf(await search(q('“公交 票价”')))).toEqual(['fare']);
    expect(keysOf(await search(q('"线路 公交"')))).toEqual([]);
  });

  it('ranks a title match above body matches and highlights both', async () => {
    const page = await search(q('停车'));
    expect(keysOf(page)).toEqual(['titleHit', 'bodyHit']);
    expect(page.items[0].score).toBeGreaterThan(page.items[1].score);
    expect(page.items[0].titleParts).toContainEqual({ text: '停车', hit: true });
    expect(page.items[1].snippet.filter((part) => part.hit).map((part) => part.text)).toContain('停车');
    expect(page.words).toEqual(['停车']);
    expect(page.total).toBe(2);
    expect(page.totalCapped).toBe(false);
  });

  it('highlights Traditional text for the query words', async () => {
    const page = await search(q('数据共享'));
    const traditional = page.items.find((item) => item.id === ids.traditional);
    expect(traditional?.titleParts).toContainEqual({ text: '數據共享', hit: true });
  });

  it('filters by type, session, state, category and date (committee time zone)', async () => {
    expect(keysOf(await search(`${q('湿地')}&sessionId=${city.sessionIds.previous}`))).toEqual(['sessionItem']);
    expect(keysOf(await search(`${q('湿地')}&categoryId=${city.categoryId}`))).toEqual(['categoryItem']);
    expect(keysOf(await search(`${q('湿地')}&state=filed`))).toEqual(['categoryItem']);
    expect(keysOf(await search(`${q('垃圾分类')}&type=history`))).toEqual(['publishedHistory']);
    expect(keysOf(await search(`${q('春节')}&from=2026-01-01`))).toEqual(['newYear']);
    expect(keysOf(await search(`${q('春节')}&to=2025-12-31`))).toEqual(['newYearEve']);
    expect(keysOf(await search(`${q('春节')}&from=2025-12-31&to=2026-01-01&sort=newest`))).toEqual(['newYear', 'newYearEve']);
  });

  it.each(['newest', 'relevance'])('pages by %s without repeats or gaps', async (sort) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search(`${q('网格化')}&sort=${sort}&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.total).toBe(25);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    if (sort === 'newest') {
      const dates = (await search(`${q('网格化')}&sort=newest&limit=25`)).items.map((item) => item.occurredAt);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('never shows another committee’s identical text', async () => {
    const page = await search(q('智慧停车'));
    expect(keysOf(page)).toEqual(['titleHit']);
    const theirs = await search(q('智慧停车'), other.as('proposal_office'));
    expect(keysOf(theirs)).toEqual(['foreignTwin']);
  });

  it('is for staff only: members and units get a 403, no login a 401', async () => {
    for (const who of ['lead', 'housing']) {
      const response = await call(test, 'GET', `/search?${q('停车')}`, city.as(who));
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toContain('全文检索');
    }
    expect((await call(test, 'GET', `/search?${q('停车')}`, {})).statusCode).toBe(401);
    expect((await search(q('停车'), city.as('supervisor'))).items.length).toBe(2);
  });

  it('refuses a query of punctuation only and a forged cursor with a 400 in Chinese', async () => {
    const empty = await call(test, 'GET', `/search?${q('！！？')}`, city.as('proposal_office'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('搜索词');
    for (const cursor of [
      'junk',
      Buffer.from('["newest","x","y"]').toString('base64url'),
      Buffer.from('["relevance",-1]').toString('base64url'),
    ]) {
      const response = await call(test, 'GET', `/search?${q('网格化')}&cursor=${cursor}`, city.as('proposal_office'));
      expect(response.statusCode).toBe(400);
    }
  });

  it('portal: the published copies only (never the records themselves), without login, by committee code', async () => {
    const response = await test.app.inject({ method: 'GET', url: `/api/v1/portal/search?org=${cityCode}&${q('垃圾分类')}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(keysOf(response.json())).toEqual(['published']);
    const unknown = await test.app.inject({ method: 'GET', url: `/api/v1/portal/search?org=no-such-org&${q('垃圾分类')}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('不存在');
  });

  it('walks the recent index for a common term (over the cap): newest and relevance still page', async () => {
    const busy = await createOrganization(test.dependencies);
    const office = await createUser(test.dependencies, { orgId: busy.id, roles: ['proposal_office'] });
    const headers = await signIn(test.dependencies, office);
    // SEARCH_CAP + 50 documents with the word 潮汐 in the body, one minute apart; every tenth also in its title.
    await test.dependencies.database.pool.query(
      `insert into search_documents (org_id, id, item_type, title, body, occurred_at, words)
       select $1::uuid, gen_random_uuid(), 'history', '第' || n || '号', '潮汐',
         timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute',
         (case when n % 10 = 0 then $2 else $3 end || ' ' || $4)::tsvector
       from generate_series(1, $5::int) n`,
      [busy.id, "'潮汐':1A,2B", "'潮汐':2B", quoteLexeme(tenantLexeme(busy.id)), SEARCH_CAP + 50],
    );
    const newest = await search(`${q('潮汐')}&sort=newest&limit=30`, headers);
    expect(newest.totalCapped).toBe(true);
    expect(newest.total).toBe(SEARCH_CAP);
    expect(newest.items.map((item) => item.title).slice(0, 3)).toEqual(['第5050号', '第5049号', '第5048号']);
    const next = await search(`${q('潮汐')}&sort=newest&limit=30&cursor=${encodeURIComponent(newest.nextCursor ?? '')}`, headers);
    expect(next.items[0].title).toBe('第5020号');
    const relevance = await search(`${q('潮汐')}&limit=5`, headers);
    expect(relevance.totalCapped).toBe(true);
    expect(relevance.items.map((item) => item.title)).toEqual(['第5050号', '第5040号', '第5030号', '第5020号', '第5010号']);
    const second = await search(`${q('潮汐')}&limit=5&cursor=${encodeURIComponent(relevance.nextCursor ?? '')}`, headers);
    expect(second.items[0].title).toBe('第5000号');
    const filtered = await search(`${q('潮汐')}&from=2025-01-01&to=2025-01-01&sort=newest&limit=5`, headers);
    expect(filtered.totalCapped).toBe(false);
    expect(filtered.total).toBe(959);
  });

  describe('proposals through the real actions', () => {
    let filed: Json;
    let draftId: string;

    beforeAll(async () => {
      const draft = await call(
        test,
        'POST',
        '/proposals',
        city.as('lead'),
        draftBody('关于建设湖区数字孪生平台的建议', { keywords: ['数字孪生'] }),
      );
      expect(draft.statusCode).toBe(201);
      draftId = draft.json().id;
      const created = await call(test, 'POST', '/proposals', city.as('lead'), draftBody('关于推进老旧小区加装电梯的建议'));
      const id = created.json().id;
      const submitted = await call(test, 'POST', `/proposals/${id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
      expect(submitted.statusCode).toBe(200);
      filed = submitted.json();
    });

    it('never shows drafts to staff, and shows a submitted proposal to the office but not to leaders', async () => {
      expect((await search(q('数字孪生'))).items).toEqual([]);
      const office = await search(q('加装电梯'));
      expect(office.items.map((item) => [item.id, item.state])).toEqual([[filed.id, 'submitted']]);
      expect((await search(q('加装电梯'), leaderHeaders)).items).toEqual([]);
    });

    it('shows a proposal with its number right after it is filed, and by unit once assigned', async () => {
      const response = await call(
        test,
        'POST',
        `/proposals/${filed.id}/actions/file`,
        city.as('proposal_office', { 'if-match': `"${filed.version}"` }),
        {},
      );
      expect(response.statusCode, response.body).toBe(200);
      filed = response.json();
      const [hit] = (await search(q('電梯'), leaderHeaders)).items;
      expect(hit).toMatchObject({ id: filed.id, state: 'filed', number: filed.number, type: 'proposal' });
      expect((await search(`${q('电梯')}&unitId=${city.unitIds.housing}`)).items).toEqual([]);
      const assigned = await call(
        test,
        'POST',
        `/proposals/${filed.id}/actions/assign`,
        city.as('proposal_office', { 'if-match': `"${filed.version}"` }),
        { mode: 'sole', unitIds: [city.unitIds.housing] },
      );
      expect(assigned.statusCode, assigned.body).toBe(200);
      const byUnit = await search(`${q('电梯')}&unitId=${city.unitIds.housing}`);
      expect(byUnit.items.map((item) => [item.id, item.state])).toEqual([[filed.id, 'assigned']]);
    });

    it('lets the proposal list’s q find by word (also in Traditional), and by the proposer’s name', async () => {
      const list = async (text: string) =>
        (await call(test, 'GET', `/proposals?${q(text)}`, city.as('lead'))).json().items.map((item: { id: string }) => item.id);
      expect(await list('电梯')).toEqual([filed.id]);
      expect(await list('電梯')).toEqual([filed.id]);
      expect(await list('数字孪生')).toEqual([draftId]);
      expect((await list('张委员')).sort()).toEqual([draftId, filed.id].sort());
      expect(await list('！！')).toEqual([]);
    });
  });
});
