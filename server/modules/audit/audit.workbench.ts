/**
 * The audit workbench card (decision 0017): for the auditor, when the committee's hash chain was last verified,
 * with what finding, and how many records were added since (those are not yet covered by a verification).
 */
import { sql } from 'drizzle-orm';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';
import { chainTone } from '../workbench/workbench.tones.ts';

type Row = { head: number | string | null; verified_at: string | null; result: string | null; sequence: number | string | null };

/** YYYY-MM-DD HH:mm of an instant in a time zone. */
function minuteOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The auditor's card of the chain verification. */
export const auditWorkbench: WorkbenchProvider = {
  id: 'audit',
  roles: ['auditor'],
  async count(executor, actor, context) {
    const { rows } = await executor.execute<Row>(sql`
      select (select last_sequence from event_chain_heads where org_id = ${actor.orgId}) as head,
        v.occurred_at as verified_at, v.result, v.sequence
      from (select 1) as one
      left join lateral (
        select occurred_at, result, sequence from events
        where org_id = ${actor.orgId} and type = 'audit.chain_verified'
        order by occurred_at desc, sequence desc limit 1
      ) v on true`);
    const row = rows[0];
    const head = countOf(row?.head);
    const last = row?.verified_at
      ? { verifiedAt: new Date(row.verified_at).toISOString(), valid: row.result === 'success' }
      : null;
    // The verification's own record comes after the head it verified.
    const since = last ? Math.max(0, head - countOf(row?.sequence)) : head;
    const finding = last ? (last.valid ? '完整' : '发现异常') : '';
    return [
      workbenchCard('audit', {
        key: 'chain',
        label: '未校验的审计记录',
        count: since,
        link: '/admin/audit',
        tone: chainTone(last, context.now),
        hint: last
          ? `哈希链最近校验：${minuteOf(new Date(last.verifiedAt), context.timeZone)}，${finding}`
          : '哈希链尚未校验过，请在审计日志中校验',
      }),
    ];
  },
};
