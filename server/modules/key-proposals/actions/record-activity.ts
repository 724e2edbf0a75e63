import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { KeyProposal, supervisionActivitySchema } from '../../../../contracts/key-proposals.ts';
import { activityKindNames } from '../../../../contracts/key-proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadProposalRow } from '../../handling/handling.queries.ts';
import { canRecordActivity } from '../key-proposals.policy.ts';
import { loadKeyProposal, presentKeyProposals } from '../key-proposals.queries.ts';
import { supervisionActivities, supervisionPhotos } from '../key-proposals.tables.ts';

/**
 * POST /key-proposals/{id}/activities (督办活动): a supervising leader (or the office) records an on-site visit,
 * meeting or inspection with notes and the photos uploaded for this key proposal.
 */
export async function recordActivity(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  input: z.output<typeof supervisionActivitySchema>,
  context: RequestContext,
): Promise<KeyProposal> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadKeyProposal(tx, actor.orgId, id, true);
    if (row.state !== 'approved') throw conflict('只有已确定的重点提案才记录督办活动', 'not_approved');
    if (!canRecordActivity(actor, row)) throw forbidden('只有该重点提案的督办领导或提案委可以记录督办活动');
    const photoIds = [...new Set(input.photoIds)];
    if (photoIds.length > 0) {
      const found = await tx
        .select({ id: supervisionPhotos.id })
        .from(supervisionPhotos)
        .where(
          and(
            eq(supervisionPhotos.orgId, actor.orgId),
            eq(supervisionPhotos.keyProposalId, id),
            inArray(supervisionPhotos.id, photoIds),
          ),
        );
      if (found.length !== photoIds.length) {
        throw unprocessable('照片不存在或不属于这件重点提案', [{ field: 'photoIds', message: '照片无效' }], 'unknown_photo');
      }
    }
    const [activity] = await tx
      .insert(supervisionActivities)
      .values({
        orgId: actor.orgId,
        keyProposalId: id,
        proposalId: row.proposalId,
        kind: input.kind,
        happenedOn: input.happenedOn,
        notes: input.notes,
        photoIds,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      })
      .returning();
    const proposal = await loadProposalRow(tx, actor.orgId, row.proposalId);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'key_proposal.activity_recorded',
      summary: `记录督办活动（${activityKindNames[input.kind]}，${input.happenedOn}）：“${proposal.title}”`,
      actor,
      subjectType: 'key_proposal',
      subjectId: id,
      after: { activityId: activity.id, kind: activity.kind, happenedOn: activity.happenedOn, photos: photoIds.length },
      context,
    });
    const [view] = await presentKeyProposals(tx, actor, [row]);
    return view;
  });
}
