import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Award, type AwardKind, awardKindNames, type awardListQuerySchema } from '../../../contracts/awards.ts';
import type { Executor } from '../../platform/db/database.ts';
import { units } from '../people/people.tables.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { awards } from './awards.tables.ts';

/** The awards of a committee with the proposals' titles and units' names, newest year first. */
export async function listAwards(
  executor: Executor,
  orgId: string,
  query: z.output<typeof awardListQuerySchema>,
): Promise<{ items: Award[] }> {
  const conditions: SQL[] = [eq(awards.orgId, orgId)];
  if (query.year) conditions.push(eq(awards.year, query.year));
  if (query.kind) conditions.push(eq(awards.kind, query.kind));
  if (query.proposalId) conditions.push(eq(awards.proposalId, query.proposalId));
  if (query.unitId) conditions.push(eq(awards.unitId, query.unitId));
  const rows = await executor
    .select({ award: awards, title: proposals.title, number: proposals.number, unitName: units.name })
    .from(awards)
    .leftJoin(proposals, and(eq(proposals.orgId, awards.orgId), eq(proposals.id, awards.proposalId)))
    .leftJoin(units, and(eq(units.orgId, awards.orgId), eq(units.id, awards.unitId)))
    .where(and(...conditions))
    .orderBy(desc(awards.year), asc(awards.kind), asc(awards.id));
  return {
    items: rows.map(({ award, title, number, unitName }) => ({
      id: award.id,
      year: award.year,
      kind: award.kind as AwardKind,
      kindName: awardKindNames[award.kind as AwardKind] ?? award.kind,
      proposalId: award.proposalId,
      proposalTitle: title,
      proposalNumber: number,
      unitId: award.unitId,
      unitName,
      citation: award.citation,
      awardedAt: new Date(award.awardedAt).toISOString(),
    })),
  };
}
