import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { expectedOrder, seedProposalRecords } from './proposals.records.test-support.ts';
import { reindexProposals } from './proposals.search.ts';
import { proposals } from './proposals.tables.ts';
import { call, TODAY } from './proposals.test-support.ts';

type Seed = Awaited<ReturnType<typeof seedProposalRecords>>;

describe('proposals API: list filters, search, sorts, paging and visibility', () => {
  let test: TestApp;
  let city: Seed;
  let other: Seed;
  /** The key (p1…, bulk…) of each seeded proposal id. */
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await seedProposalRecords(test.dependencies);
    other = await seedProposalRecords(test.dependencies);
    // The records are inserted directly, not through the actions: index them as the backfill would.
    for (const seed of [city, other]) await reindexProposals(test.dependencies.database.orm, seed.orgId);
    for (const row of Object.values(city.rows)) keyOf.set(row.id, row.key);
  });
  afterAll(async () => test.close());

  /** Every page of a list, following nextCursor; the keys in order and the number of pages. */
  async function allPages(who: string, query: string, limit = 200) {
    const keys: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = query ? '&' : '';
      const url = `/proposals?${query}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(test, 'GET', url, city.as(who));
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { items: { id: string }[]; nextCursor: string | null };
      keys.push(...body.items.map((item) => keyOf.get(item.id) ?? `foreign:${item.id}`));
      cursor = body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(50);
    } while (cursor);
    return { keys, pages };
  }
  const listed = async (who: string, query = '') => (await allPages(who, query)).keys;
  const sorted = (keys: string[]) => [...keys].sort();

  /** The keys the office may see: everything but member drafts and proposals still collecting signatures. */
  const officeVisible = () =>
    Object.values(city.rows).filter((row) => row.authorType === 'collective' || !['draft', 'co_signing'].includes(row.state));

  it('shows each kind of user what they may read, and nothing of another committee', async () => {
    expect(sorted(await listed('lead'))).toEqual(sorted(['p1', 'p2', 'p3', 'p6', 'p7', 'p8']));
    // A declined invitation still lets the member read what they were asked to sign (as the detail view does).
    expect(sorted(await listed('outsider'))).toEqual(['p1', 'p7']);
    expect(sorted(await listed('proposal_office'))).toEqual(sorted(officeVisible().map((row) => row.key)));
    expect(sorted(await listed('unitA'))).toEqual(['p4', 'p8']);
    expect(sorted(await listed('unitB'))).toEqual(['p4', 'p8']);
    expect(await listed('unit_handler')).toEqual([]);
    const filedAndLater = Object.values(city.rows).filter((row) => ['filed', 'assigned'].includes(row.state));
    expect(sorted(await listed('supervisor'))).toEqual(sorted(filedAndLater.map((row) => row.key)));
    expect(sorted(await listed('leader'))).toEqual(sorted(filedAndLater.map((row) => row.key)));
    const foreign = await call(test, 'GET', '/proposals?limit=200', other.as('proposal_office'));
    const foreignIds = foreign.json().items.map((item: { id: string }) => item.id);
    expect(foreignIds.some((id: string) => keyOf.has(id))).toBe(false);
    expect(foreignIds).toHaveLength(officeVisible().length);
  });

  it('agrees with the detail view: a listed proposal opens, an unlisted one is a 404', async () => {
    for (const [who, key, status] of [
      ['unitA', 'p8', 200],
      ['unitA', 'p3', 404],
      ['supervisor', 'p3', 200],
      ['supervisor', 'p1', 404],
      ['leader', 'p4', 200],
      ['lead', 'p2', 200],
      ['outsider', 'p1', 200],
      ['outsider', 'p3', 404],
    ] as const) {
      const response = await call(test, 'GET', `/proposals/${city.rows[key].id}`, city.as(who));
      expect(response.statusCode, `${who} ${key}`).toBe(status);
    }
  });

  it('keeps mine and the co-signing inbox as before', async () => {
    expect(sorted(await listed('lead', 'mine=true'))).toEqual(sorted(['p1', 'p3', 'p6', 'p8']));
    expect(await listed('lead', 'awaitingMyAnswer=true')).toEqual(['p7']);
    expect(await listed('co1', 'awaitingMyAnswer=true')).toEqual([]);
  });

  it.each([
    ['q on the title', 'q=电梯', ['p1']],
    ['q on a keyword', `q=${encodeURIComponent('老旧小区')}`, ['p1']],
    ["q on the lead member's name", `q=${encodeURIComponent('李委员')}`, ['p2', 'p4']],
    ["q on the collective author's name", `q=${encodeURIComponent('民盟')}`, ['p5']],
    ['q with LIKE wildcards taken literally', `q=${encodeURIComponent('%_')}`, []],
    ['categoryId', 'categoryId=CATEGORY', ['p1']],
    ['unitId (live assignments only)', 'unitId=UNIT_A', ['p4']],
    ['unitId of a co-handler and a replacement unit', 'unitId=UNIT_B', ['p4', 'p8']],
    ['proposerMemberId (lead or accepted co-signer)', 'proposerMemberId=LEAD', ['p1', 'p2', 'p3', 'p8']],
    ['proposerMemberId does not count a declined invitation', 'proposerMemberId=OUTSIDER', []],
    ['sectorId of the lead member', 'sectorId=SECTOR', ['p1', 'p3', 'p8']],
    ['partyId of the lead member', 'partyId=PARTY', ['p1', 'p3', 'p8']],
    ['kind', 'kind=interim', ['p2']],
    ['authorType', 'authorType=collective', ['p5', 'p10']],
    ['sessionId', 'sessionId=PREVIOUS', ['p8']],
    ['state', 'state=assigned', ['p4', 'p8']],
    ['filters combined', 'state=filed&sectorId=SECTOR', ['p3']],
  ])('filters by %s', async (_name, template, want) => {
    const query = template
      .replace('CATEGORY', city.categoryId)
      .replace('UNIT_A', city.unitIds.a)
      .replace('UNIT_B', city.unitIds.b)
      .replace('LEAD', city.memberIds.lead)
      .replace('OUTSIDER', city.memberIds.outsider)
      .replace('SECTOR', city.sectorIds.lead)
      .replace('PARTY', city.partyId)
      .replace('PREVIOUS', city.sessionIds.previous);
    expect(sorted(await listed('proposal_office', query))).toEqual(sorted(want));
  });

  it('keeps visibility under every filter: a unit user searching sees only their proposals', async () => {
    expect(await listed('unitA', `q=${encodeURIComponent('投入')}&sessionId=${city.sessionIds.current}`)).toEqual(['p4']);
    expect(await listed('lead', `unitId=${city.unitIds.a}`)).toEqual([]);
  });

  it.each(['newest', 'oldest', 'number', 'waiting'] as const)(
    'pages through sort=%s without duplicates or gaps',
    async (sort) => {
      const want = expectedOrder(officeVisible(), sort);
      const whole = await allPages('proposal_office', `sort=${sort}`);
      expect(whole.keys).toEqual(want);
      for (const limit of [3, 4, 7]) {
        const paged = await allPages('proposal_office', `sort=${sort}`, limit);
        expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(want.length / limit));
        expect(paged.keys).toEqual(want);
      }
    },
  );

  it('defaults to newest first', async () => {
    expect(await listed('proposal_office')).toEqual(expectedOrder(officeVisible(), 'newest'));
  });

  it('lists the review queue: submitted only, longest waiting first, across pages', async () => {
    const submitted = officeVisible().filter((row) => row.state === 'submitted');
    const want = expectedOrder(submitted, 'waiting');
    expect(want.slice(0, 3)).toEqual(['p2', 'p5', 'p1']);
    expect((await allPages('proposal_office', 'queue=review', 2)).keys).toEqual(want);
    expect(await listed('proposal_office', 'queue=review&sort=newest')).toEqual(expectedOrder(submitted, 'newest'));
  });

  it('refuses bad input with a 400 in Chinese, never a 500', async () => {
    const first = await call(test, 'GET', '/proposals?sort=number&limit=2', city.as('proposal_office'));
    const cursor = first.json().nextCursor as string;
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const query of [
      `sort=newest&cursor=${cursor}`,
      `sort=waiting&cursor=${forged(['waiting', '2026-02-30T01:00:00.000000Z', city.rows.p1.id])}`,
      `sort=waiting&cursor=${forged(['waiting', 'not a time', city.rows.p1.id])}`,
      `cursor=${forged(['newest', 'not-a-uuid'])}`,
      `sort=number&cursor=${forged(['number', 1.5, city.rows.p1.id])}`,
      'sort=random',
      'queue=inbox',
      'kind=special',
      'authorType=robot',
      'unitId=abc',
      `q=${'长'.repeat(101)}`,
    ]) {
      const response = await call(test, 'GET', `/proposals?${query}`, city.as('proposal_office'));
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers one page with few SQL statements, however many rows it shows', async () => {
    const pool = test.dependencies.database.pool;
    const original = pool.query.bind(pool);
    let statements = 0;
    pool.query = ((...args: Parameters<typeof pool.query>) => {
      statements += 1;
      return original(...args);
    }) as typeof pool.query;
    try {
      const response = await call(test, 'GET', '/proposals?limit=200&q=投入', city.as('proposal_office'));
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(10);
    } finally {
      pool.query = original as typeof pool.query;
    }
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(10);
  });

  // Runs last: it adds a row the other tests do not expect.
  it('lets the proposers of a proposal merged into another read the target, as the detail view does', async () => {
    const [{ id: outsiderUserId }] = (
      await test.dependencies.database.pool.query<{ id: string }>('select id from users where member_id = $1', [
        city.memberIds.outsider,
      ])
    ).rows;
    await test.dependencies.database.orm.insert(proposals).values({
      orgId: city.orgId,
      sessionId: city.sessionIds.current,
      kind: 'plenary',
      authorType: 'member',
      leadMemberId: city.memberIds.outsider,
      createdBy: outsiderUserId,
      title: '关于保障房分配的建议',
      state: 'merged',
      submittedAt: '2026-01-02T01:00:00Z',
      mergedIntoId: city.rows.p4.id,
    });
    expect(await listed('outsider', `state=assigned`)).toEqual(['p4']);
    expect((await call(test, 'GET', `/proposals/${city.rows.p4.id}`, city.as('outsider'))).statusCode).toBe(200);
    expect(await listed('co2', 'state=assigned')).toEqual([]);
  });
});
