import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microSuggestionStates } from '../../../contracts/micro-suggestions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoIfEmpty } from '../demo-seed.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { createMicroSuggestion } from './actions/create-micro-suggestion.ts';
import { submitMicroSuggestion } from './actions/submit-micro-suggestion.ts';
import { microPhase } from './micro-suggestions.handled-kind.ts';

describe('demo micro-suggestions', () => {
  let test: TestApp;
  const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await test.dependencies.database.pool.query<T>(text, values)).rows;

  beforeAll(async () => {
    test = await createTestApp({ seedDemo: true });
    await seedDemoIfEmpty(test.dependencies);
  });
  afterAll(async () => test.close());

  it('has micro-suggestions in every state, through the real actions (each with its events)', async () => {
    const states = await query<{ state: string }>('select distinct state from micro_suggestions order by state');
    expect(states.map((row) => row.state)).toEqual([...microSuggestionStates].sort());
    const [{ missing }] = await query<{ missing: number }>(
      `select count(*)::int as missing from micro_suggestions m where not exists
        (select 1 from events e where e.org_id = m.org_id and e.subject_id = m.id::text and e.type like 'micro_suggestion.%')`,
    );
    expect(missing).toBe(0);
  });

  it('has one overdue at its unit, and keeps every handled item in step with its micro-suggestion', async () => {
    const overdue = await query<{ title: string }>(
      `select m.title from micro_suggestions m join item_assignments a on a.org_id = m.org_id and a.item_id = m.id
       where m.state = 'handling' and a.replied_at is null and a.due_on < current_date`,
    );
    expect(overdue.map((row) => row.title)).toEqual(['幸福路北段路灯损坏一个多月']);
    const items = await query<{ state: string; item_state: string; phase: string; kind: string }>(
      `select m.state, h.state as item_state, h.phase, h.kind from micro_suggestions m
       join handled_items h on h.org_id = m.org_id and h.id = m.id`,
    );
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      expect(item).toEqual({
        state: item.state,
        item_state: item.state,
        phase: microPhase(item.state),
        kind: 'micro_suggestion',
      });
    }
  });

  it('publishes a resolved one with before and after photos that the portal serves', async () => {
    const [publication] = await query<{ id: string; before_photo_ids: string[]; after_photo_ids: string[] }>(
      'select id, before_photo_ids, after_photo_ids from micro_suggestion_publications',
    );
    expect(publication.before_photo_ids).toHaveLength(1);
    expect(publication.after_photo_ids).toHaveLength(1);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/portal/micro-suggestions?org=demo-city' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const detail = await test.app.inject({
      method: 'GET',
      url: `/api/v1/portal/micro-suggestions/${publication.id}?org=demo-city`,
    });
    expect(detail.json().reply).not.toContain('0571-87051234');
    for (const photo of detail.json().photos) {
      const image = await test.app.inject({ method: 'GET', url: photo.url });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
    }
    const counts = await test.app.inject({ method: 'GET', url: '/api/v1/portal/micro-suggestions/counts?org=demo-city' });
    expect(counts.json().resolved).toBe(2);
    expect(counts.json().averageDaysToResolve).toBeGreaterThan(0);
  });

  it('files a new one under the category the trained routing model is sure of', async () => {
    const [{ id: orgId }] = await query<{ id: string }>("select id from organizations where code = 'demo-city'");
    const member = (await demoActors(test.dependencies, orgId)).get('member3') as Actor;
    const context = { ip: null, requestId: 'test' };
    const draft = await createMicroSuggestion(
      test.dependencies,
      member,
      {
        title: '建议增加中小学课后托管和校园午餐服务',
        place: '城关街道第一中学',
        problem: '中小学课后托管时间短，学生午餐条件差，家长接送困难，教师负担重。',
        suggestion: '建议教育部门增加课后服务经费，改善学校食堂，推进中小学课后托管全覆盖。',
      },
      context,
    );
    const submittedItem = await submitMicroSuggestion(test.dependencies, member, draft.id, draft.version, context);
    expect(submittedItem.categoryName).toBe('教育');
  });
});
