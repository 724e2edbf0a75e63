/**
 * The publication workbench card (decision 0017): 待公开审核, the replied proposals the office has not decided on
 * yet — the same rows as the publication queue's 待决定 tab (GET /proposals?publication=pending, every session).
 */
import { sql } from 'drizzle-orm';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';
import { repliedStates } from './publication.policy.ts';

/** The office's card of proposals awaiting the publication decision. */
export const publicationWorkbench: WorkbenchProvider = {
  id: 'publication',
  roles: ['proposal_office'],
  shared: true,
  async count(executor, actor) {
    const replied = sql.join(
      repliedStates.map((state) => sql`${state}`),
      sql`, `,
    );
    const { rows } = await executor.execute<{ pending: number | string }>(sql`
      select count(*) as pending from proposals
      where org_id = ${actor.orgId} and publication_decision is null
        and (state in (${replied}) or (state = 'archived' and state_before_archive in (${replied})))`);
    return [
      workbenchCard('publication', {
        key: 'pending',
        label: '待公开审核',
        count: countOf(rows[0]?.pending),
        link: '/office/publication',
      }),
    ];
  },
};
