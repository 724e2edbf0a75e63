/**
 * The login workbench card (decision 0017): today's failed logins in the committee (the events auth.login_failed
 * since midnight in its time zone), for the security administrator and the auditor. The auditor's card opens the
 * audit log filtered to them; the security administrator, who does not read the audit log (三员分立), sees the
 * latest ones on the card.
 */
import { sql } from 'drizzle-orm';
import { hasAnyRole } from '../../platform/auth/actor.ts';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';
import { failedLoginsTone } from '../workbench/workbench.tones.ts';

const ITEMS = 5;

type Row = { failed: number | string; latest: { id: string; summary: string; at: string; ip: string | null }[] | null };

/** Today's failed logins of the committee. */
export const authWorkbench: WorkbenchProvider = {
  id: 'auth',
  roles: ['security_admin', 'auditor'],
  async count(executor, actor, context) {
    const { rows } = await executor.execute<Row>(sql`
      with today as (
        select id, summary, ip, sequence, to_char(occurred_at at time zone ${context.timeZone}, 'HH24:MI') as at
        from events
        where org_id = ${actor.orgId} and type = 'auth.login_failed'
          and occurred_at >= (${context.today}::date)::timestamp at time zone ${context.timeZone})
      select (select count(*) from today) as failed,
        (select json_agg(x) from (select id, summary, at, ip from today order by sequence desc limit ${ITEMS}) x) as latest`);
    const row = rows[0];
    const failed = countOf(row?.failed);
    const auditor = hasAnyRole(actor, 'auditor');
    return [
      workbenchCard('auth', {
        key: 'failed_logins_today',
        label: '今日登录失败',
        count: failed,
        link: auditor ? `/admin/audit?type=auth.login_failed&fromDate=${context.today}&toDate=${context.today}` : null,
        tone: failedLoginsTone(failed),
        hint: '密码或动态验证码错误、账户不存在或已停用',
        display: auditor || failed === 0 ? 'count' : 'items',
        items: auditor
          ? []
          : (row?.latest ?? []).map((item) => ({
              id: item.id,
              title: item.summary,
              link: '/admin/users',
              note: item.ip ? `${item.at} · ${item.ip}` : item.at,
              tone: 'normal' as const,
            })),
      }),
    ];
  },
};
