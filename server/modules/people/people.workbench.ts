/**
 * The accounts' workbench cards (decision 0017) for the administrators (三员分立): accounts locked now by failed
 * logins (the security administrator unlocks them; the system administrator sees them too), and administrators'
 * password resets waiting for a second administrator's decision (any of the three, but not the requester or the
 * account's owner).
 */
import { sql } from 'drizzle-orm';
import { hasAnyRole } from '../../platform/auth/actor.ts';
import { countOf, type WorkbenchProvider, workbenchCard } from '../workbench/workbench.provider.ts';
import { waitingTone } from '../workbench/workbench.tones.ts';

const ITEMS = 5;

type Row = {
  locked: number | string;
  locked_items: { id: string; username: string; display_name: string; until: string }[] | null;
  resets: number | string;
};

/** Locked accounts and password resets awaiting this administrator. */
export const peopleWorkbench: WorkbenchProvider = {
  id: 'people',
  roles: ['system_admin', 'security_admin', 'auditor'],
  async count(executor, actor, context) {
    const now = context.now.toISOString();
    const { rows } = await executor.execute<Row>(sql`
      with locked as (
        select id, username, display_name, locked_until,
          to_char(locked_until at time zone ${context.timeZone}, 'HH24:MI') as until
        from users where org_id = ${actor.orgId} and locked_until > ${now}::timestamptz)
      select (select count(*) from locked) as locked,
        (select json_agg(x) from (select id, username, display_name, until from locked
          order by locked_until desc, id limit ${ITEMS}) x) as locked_items,
        (select count(*) from password_reset_requests
          where org_id = ${actor.orgId} and state = 'pending' and expires_at > ${now}::timestamptz
            and requested_by <> ${actor.userId} and user_id <> ${actor.userId}) as resets`);
    const row = rows[0];
    const locked = countOf(row?.locked);
    const resets = countOf(row?.resets);
    const cards = [];
    if (hasAnyRole(actor, 'security_admin', 'system_admin')) {
      cards.push(
        workbenchCard('people', {
          key: 'locked_accounts',
          label: '锁定的账户',
          count: locked,
          link: '/admin/users',
          tone: waitingTone(locked),
          hint: hasAnyRole(actor, 'security_admin')
            ? '连续登录失败被锁定，可在用户与角色中解锁'
            : '连续登录失败被锁定，由安全管理员解锁',
          items: (row?.locked_items ?? []).map((item) => ({
            id: item.id,
            title: `${item.display_name}（${item.username}）`,
            link: '/admin/users',
            note: `锁定至 ${item.until}`,
            tone: 'warning' as const,
          })),
        }),
      );
    }
    cards.push(
      workbenchCard('people', {
        key: 'password_resets',
        label: '待审批的密码重置',
        count: resets,
        link: '/admin/password-resets',
        tone: waitingTone(resets),
        hint: '管理员账户的密码重置须经另一名管理员批准',
      }),
    );
    return cards;
  },
};
