import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { localTimeToInstant } from '../../../platform/calendar/business-date.ts';
import { newId } from '../../../platform/db/columns.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import { enqueue } from '../../../platform/jobs/enqueue.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { dictionaryEntries, organizations } from '../../orgs/orgs.tables.ts';
import { importProblem } from '../../people/people.excel.ts';
import { units } from '../../people/people.tables.ts';
import { indexNewDocuments } from '../../search/search-documents.ts';
import { checkHistoryRows, readHistoryFile } from '../routing.history-file.ts';
import { canManageRouting } from '../routing.policy.ts';
import { historyDocument } from '../routing.search.ts';
import { routingHistory } from '../routing.tables.ts';

/** The job that retrains a committee's routing models. */
export const TRAIN_JOB = 'routing.train';

/** The import's id: the same file imported twice by a committee gets the same id, so a retry cannot double it. */
function importIdOf(orgId: string, file: Buffer): string {
  const hex = createHash('sha256').update(orgId).update(file).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Imports a committee's past items (历史数据: title, body, category, units) from .xlsx, CSV or JSON Lines, so that
 * routing suggestions work from the first day. The whole file is checked first, as in the roster import: any error
 * → 400 listing them all and nothing written; otherwise every row, its search document, an event and a training
 * job in one transaction. The same file twice → 409 (a retried upload never doubles the history).
 */
export async function importHistory(
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext | null,
): Promise<{ imported: number; importId: string }> {
  if (!canManageRouting(actor)) throw forbidden('只有提案委工作人员可以导入历史数据');
  const rows = await readHistoryFile(file);
  const importId = importIdOf(actor.orgId, file);
  return deps.database.orm.transaction(async (tx) => {
    const [already] = await tx
      .select({ at: routingHistory.importedAt })
      .from(routingHistory)
      .where(and(eq(routingHistory.orgId, actor.orgId), eq(routingHistory.importId, importId)))
      .limit(1);
    if (already) throw conflict('这个文件已经导入过，不会重复导入', 'already_imported');
    const categories = await tx
      .select({ id: dictionaryEntries.id, name: dictionaryEntries.name, code: dictionaryEntries.code })
      .from(dictionaryEntries)
      .where(and(eq(dictionaryEntries.orgId, actor.orgId), eq(dictionaryEntries.kind, 'proposal_category')));
    const committeeUnits = await tx
      .select({ id: units.id, name: units.name, shortName: units.shortName, code: units.code })
      .from(units)
      .where(eq(units.orgId, actor.orgId));
    const { records, errors } = checkHistoryRows(rows, {
      categories: new Map(categories.flatMap((entry) => [[entry.code, entry.id] as const, [entry.name, entry.id] as const])),
      units: new Map(
        committeeUnits.flatMap((unit) => [
          [unit.code, unit.id] as const,
          ...(unit.shortName ? [[unit.shortName, unit.id] as const] : []),
          [unit.name, unit.id] as const,
        ]),
      ),
    });
    if (errors.length > 0) throw importProblem(errors);
    const importedAt = deps.now().toISOString();
    const [organization] = await tx
      .select({ timeZone: organizations.timeZone })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId));
    const values = records.map((record) => ({
      orgId: actor.orgId,
      id: newId(),
      title: record.title,
      body: record.body,
      categoryId: record.categoryId,
      unitIds: record.unitIds,
      importId,
      importedAt,
      occurredAt: record.localTime ? (localTimeToInstant(record.localTime, organization?.timeZone)?.toISOString() ?? null) : null,
    }));
    for (let start = 0; start < values.length; start += 500) {
      await tx.insert(routingHistory).values(values.slice(start, start + 500));
    }
    await indexNewDocuments(tx, values.map(historyDocument));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'routing.history_imported',
      summary: `导入历史数据 ${values.length} 条`,
      actor,
      subjectType: 'routing_import',
      subjectId: importId,
      after: { count: values.length },
      ...(context ? { context } : {}),
    });
    await enqueue(tx, { type: TRAIN_JOB, orgId: actor.orgId, payload: { importId }, dedupeKey: `routing-train:${importId}` });
    return { imported: values.length, importId };
  });
}
