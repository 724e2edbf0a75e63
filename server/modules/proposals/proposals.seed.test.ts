import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalStates } from '../../../contracts/proposals.ts';
import { verifyChain } from '../../platform/events/verify-chain.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoIfEmpty } from '../demo-seed.ts';

describe('demo proposals', () => {
  let test: TestApp;
  let orgId: string;
  const query = async <T extends Record<string, unknown>>(text: string) =>
    (await test.dependencies.database.pool.query<T>(text, [orgId])).rows;

  beforeAll(async () => {
    test = await createTestApp({ seedDemo: true });
    await seedDemoIfEmpty(test.dependencies);
    const rows = await test.dependencies.database.pool.query<{ id: string }>(
      "select id from organizations where code = 'demo-city'",
    );
    orgId = rows.rows[0].id;
  });
  afterAll(async () => test.close());

  it('holds a proposal in every state, writing to archive', async () => {
    const rows = await query<{ state: string }>('select distinct state from proposals where org_id = $1');
    expect(rows.map((row) => row.state).sort()).toEqual([...proposalStates].sort());
  });

  it('dates two unanswered assignments so that the supervision board shows a red and a yellow light', async () => {
    const rows = await query<{ overdue: number; late_in_time: number }>(
      `select count(*) filter (where a.due_on < current_date)::int as overdue,
              count(*) filter (where a.due_on >= current_date
                and (current_date - a.assigned_at::date) * 100 >= 80 * (a.due_on - a.assigned_at::date))::int as late_in_time
       from item_assignments a join proposals p on p.org_id = a.org_id and p.id = a.item_id
       where a.org_id = $1 and a.replied_at is null and a.state <> 'reassigned' and p.state = 'assigned'`,
    );
    expect(rows[0]).toEqual({ overdue: 1, late_in_time: 1 });
  });

  it('holds assignments pending, signed for and with an adjustment requested, one batch, and gapless numbers', async () => {
    const states = await query<{ state: string }>('select distinct state from item_assignments where org_id = $1');
    expect(states.map((row) => row.state).sort()).toEqual(['adjustment_requested', 'pending', 'signed_for']);
    const batches = await query<{ document_number: string }>('select document_number from assignment_batches where org_id = $1');
    expect(batches).toEqual([{ document_number: '政协提〔2026〕12号' }]);
    const numbers = await query<{ session_id: string; sequences: number[] }>(
      `select session_id, array_agg(sequence order by sequence) as sequences from proposals
       where org_id = $1 and sequence is not null group by session_id`,
    );
    for (const row of numbers) expect(row.sequences).toEqual(row.sequences.map((_, index) => index + 1));
  });

  it('keeps the handling engine in step: every proposal that went to a unit has its handled item, in its state', async () => {
    const drift = await query<{ id: string; state: string; item_state: string | null }>(
      `select p.id, p.state, h.state as item_state from proposals p
       left join handled_items h on h.org_id = p.org_id and h.id = p.id
       where p.org_id = $1 and (exists (select 1 from item_assignments a where a.org_id = p.org_id and a.item_id = p.id)
         or h.id is not null) and (h.state is distinct from p.state or h.kind <> 'proposal')`,
    );
    expect(drift).toEqual([]);
    const phases = await query<{ phase: string }>(
      `select distinct phase from handled_items where org_id = $1 and kind = 'proposal' order by phase`,
    );
    expect(phases.map((row) => row.phase)).toEqual(expect.arrayContaining(['closed', 'handling', 'replied']));
  });

  it('went through the actions: every proposal has its history, the chain verifies, proposers were notified', async () => {
    const orphans = await query<{ id: string }>(
      `select p.id from proposals p where p.org_id = $1 and not exists
       (select 1 from events e where e.org_id = p.org_id and e.subject_type = 'proposal' and e.subject_id = p.id::text)`,
    );
    expect(orphans).toEqual([]);
    const notices = await query<{ total: string }>('select count(*) as total from notifications where org_id = $1');
    expect(Number(notices[0].total)).toBeGreaterThan(10);
    const result = await verifyChain(test.dependencies.database.orm, orgId, test.dependencies.config.auditHash);
    expect(result).toMatchObject({ valid: true, firstBrokenSequence: null });
  });

  it('shows the second half of the lifecycle: replies, ratings, a key proposal, the portal, awards, an archive', async () => {
    const replies = await query<{ state: string }>('select distinct state from item_replies where org_id = $1');
    expect(replies.map((row) => row.state).sort()).toEqual(['pending_signoff', 'sent']);
    const ratings = await query<{ rating: string }>('select distinct rating from reply_ratings where org_id = $1');
    expect(ratings.map((row) => row.rating).sort()).toEqual(['dissatisfied', 'satisfied']);
    const extensions = await query<{ state: string }>('select state from extension_requests where org_id = $1');
    expect(extensions).toEqual([{ state: 'requested' }]);
    const keys = await query<{ state: string; activities: string }>(
      `select k.state, (select count(*) from supervision_activities a where a.org_id = k.org_id and a.key_proposal_id = k.id) as activities
       from key_proposals k where k.org_id = $1`,
    );
    expect(keys.map((row) => [row.state, Number(row.activities)])).toEqual([['approved', 1]]);
    const published = await query<{ total: string }>('select count(*) as total from publications where org_id = $1');
    expect(Number(published[0].total)).toBeGreaterThanOrEqual(2);
    const portal = await test.app.inject({ method: 'GET', url: '/api/v1/portal/proposals?org=demo-city' });
    expect(portal.json().items.length).toBe(Number(published[0].total));
    const archived = await query<{ name: string }>(
      'select s.name from sessions s where s.org_id = $1 and s.archived_at is not null',
    );
    expect(archived).toHaveLength(1);
    const awards = await query<{ kind: string }>('select kind from awards where org_id = $1 order by kind');
    expect(awards.map((row) => row.kind)).toEqual(['excellent_proposal', 'model_unit']);
  });
});
