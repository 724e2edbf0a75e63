import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { parseCalendarCsv } from '../../../platform/calendar/calendar-csv.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageCalendar } from '../orgs.policy.ts';
import { calendarDays } from '../orgs.tables.ts';

/** How many row errors the problem's summary names before "等". */
const SUMMARY_ERRORS = 3;

/**
 * POST /calendar/import: the whole file is checked first; any bad row is a 400 listing every error as
 * `{ field: "第3行.date", message }` and nothing is written. Otherwise every row is created or replaced in one
 * transaction; days not in the file stay as they are.
 */
export async function importCalendar(
  deps: AppDependencies,
  actor: Actor,
  csv: string,
  context: RequestContext,
): Promise<{ imported: number; created: number; updated: number }> {
  if (!canManageCalendar(actor)) throw forbidden('只有系统管理员或提案委可以维护节假日安排');
  const parsed = parseCalendarCsv(csv);
  if (parsed.errors.length > 0) {
    const errors = parsed.errors.map((error) => ({
      field: error.column === 'header' ? `第${error.line}行` : `第${error.line}行.${error.column}`,
      message: error.message,
    }));
    const named = errors.slice(0, SUMMARY_ERRORS).map((error) => `${error.field}：${error.message}`);
    const more = errors.length > SUMMARY_ERRORS ? ` 等 ${errors.length} 处` : '';
    throw badRequest(`文件有误，未导入任何数据：${named.join('；')}${more}`, errors, 'calendar_import_invalid');
  }
  const rows = parsed.rows;
  return deps.database.orm.transaction(async (tx) => {
    const existing = await tx
      .select({ day: calendarDays.day })
      .from(calendarDays)
      .where(
        and(
          eq(calendarDays.orgId, actor.orgId),
          inArray(
            calendarDays.day,
            rows.map((row) => row.day),
          ),
        ),
      );
    await tx
      .insert(calendarDays)
      .values(rows.map((row) => ({ ...row, orgId: actor.orgId })))
      .onConflictDoUpdate({
        target: [calendarDays.orgId, calendarDays.day],
        set: { kind: sql`excluded.kind`, name: sql`excluded.name` },
      });
    const result = { imported: rows.length, created: rows.length - existing.length, updated: existing.length };
    const years = [...new Set(rows.map((row) => row.day.slice(0, 4)))].sort();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'calendar.imported',
      summary: `导入节假日安排 ${rows.length} 天（${years.join('、')} 年；新增 ${result.created}，更新 ${result.updated}）`,
      actor,
      subjectType: 'calendar',
      subjectId: years.join(','),
      after: { ...result, days: rows },
      context,
    });
    return result;
  });
}
