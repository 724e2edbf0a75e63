import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns.ts';
import { createOrganization } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { indexDocument, type SearchDocumentInput } from './search-documents.ts';
import { findSimilarItems } from './similar.ts';

describe('findSimilarItems', () => {
  let test: TestApp;
  let orgId: string;
  let otherOrgId: string;
  const session = newId();
  const ids = { proposal: newId(), draft: newId(), history: newId(), unrelated: newId(), other: newId() };

  beforeAll(async () => {
    test = await createTestApp();
    orgId = (await createOrganization(test.dependencies)).id;
    otherOrgId = (await createOrganization(test.dependencies)).id;
    const documents: SearchDocumentInput[] = [
      {
        orgId,
        id: ids.proposal,
        itemType: 'proposal',
        sessionId: session,
        state: 'filed',
        title: '关于老旧小区加装电梯的建议',
        body: '老旧小区没有电梯，老年居民上下楼困难，建议简化审批、加大补贴。',
        occurredAt: '2026-01-05T02:00:00Z',
      },
      {
        orgId,
        id: ids.draft,
        itemType: 'proposal',
        sessionId: session,
        state: 'draft',
        title: '关于老旧小区加装电梯工作的建议',
        body: '加装电梯审批难。',
        occurredAt: '2026-01-06T02:00:00Z',
      },
      {
        orgId,
        id: ids.history,
        itemType: 'history',
        title: '小区加装电梯审批太难',
        body: '我们小区想加装电梯，审批手续复杂，低层住户不同意。',
        occurredAt: '2019-03-01T02:00:00Z',
      },
      {
        orgId,
        id: ids.unrelated,
        itemType: 'history',
        title: '农村饮水安全问题',
        body: '村里自来水水质差。',
        occurredAt: '2019-04-01T02:00:00Z',
      },
      {
        orgId: otherOrgId,
        id: ids.other,
        itemType: 'proposal',
        sessionId: session,
        state: 'filed',
        title: '关于老旧小区加装电梯的建议',
        body: '老旧小区没有电梯，老年居民上下楼困难，建议简化审批、加大补贴。',
        occurredAt: '2026-01-05T02:00:00Z',
      },
    ];
    await test.dependencies.database.orm.transaction(async (transaction) => {
      for (const document of documents) await indexDocument(transaction, document);
    });
  });
  afterAll(async () => test.close());

  it('ranks the same matter first with its score and shared terms, within the tenant only', async () => {
    const found = await findSimilarItems(test.dependencies.database.orm, orgId, {
      title: '老旧小区加装电梯',
      body: '老年居民上下楼困难，希望加装电梯。',
    });
    const foundIds = found.map((item) => item.id);
    expect(foundIds[0]).toBe(ids.proposal);
    expect(found[0].score).toBeGreaterThan(0.4);
    expect(found[0].sharedTerms).toEqual(expect.arrayContaining(['电梯']));
    expect(foundIds).toContain(ids.history);
    expect(foundIds).not.toContain(ids.unrelated);
    expect(foundIds).not.toContain(ids.other);
    for (let index = 1; index < found.length; index += 1) {
      expect(found[index].score).toBeLessThanOrEqual(found[index - 1].score);
    }
  });

  it('applies types, sessions, excluded ids and excluded states', async () => {
    const found = await findSimilarItems(test.dependencies.database.orm, orgId, {
      title: '老旧小区加装电梯',
      types: ['proposal'],
      sessionIds: [session],
      excludeStates: ['draft'],
      excludeIds: [],
    });
    expect(found.map((item) => item.id)).toEqual([ids.proposal]);
    const without = await findSimilarItems(test.dependencies.database.orm, orgId, {
      title: '老旧小区加装电梯',
      excludeIds: [ids.proposal, ids.draft],
    });
    expect(without.map((item) => item.id)).toEqual([ids.history]);
  });
});
