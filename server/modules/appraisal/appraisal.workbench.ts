/**
 * The appraisal workbench card (decision 0017): a standing committee member (常委) sees the open appraisals in which
 * they still have units to score (待评议打分). Other members get no card.
 */
import { sql } from 'drizzle-orm';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';

type Row = { id: string; title: string; units: number | string; scored: number | string };

/** Open appraisals with units the standing committee member has not scored yet. */
export const appraisalWorkbench: WorkbenchProvider = {
  id: 'appraisal',
  roles: ['member'],
  async count(executor, actor) {
    const memberId = actor.memberId;
    if (!memberId) return [];
    const { rows } = await executor.execute<Row>(sql`
      select a.id, a.title, cardinality(a.unit_ids) as units,
        (select count(distinct s.unit_id) from appraisal_scores s
          where s.org_id = a.org_id and s.appraisal_id = a.id and s.member_id = ${memberId}) as scored
      from appraisals a
      where a.org_id = ${actor.orgId} and a.state = 'open'
        and exists (select 1 from members m where m.org_id = a.org_id and m.id = ${memberId} and m.is_standing_committee)
      order by a.id`);
    const waiting = rows.filter((row) => countOf(row.scored) < countOf(row.units));
    if (waiting.length === 0) return [];
    return [
      workbenchCard('appraisal', {
        key: 'to_score',
        label: '待评议打分',
        count: waiting.length,
        link: '/office/appraisals',
        tone: 'warning',
        hint: '民主评议：请为承办单位的办理工作打分',
        items: waiting.map((row) => ({
          id: row.id,
          title: row.title,
          link: '/office/appraisals',
          note: `还有 ${countOf(row.units) - countOf(row.scored)} 个单位未评分`,
          tone: 'warning',
        })),
      }),
    ];
  },
};
