import { count } from 'drizzle-orm';
import { businessDate, DEFAULT_TIME_ZONE } from '../platform/calendar/business-date.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AppDependencies } from '../platform/module.ts';
import { seedDemoArchive } from './archive/archive.seed.ts';
import { seedDemoAwards } from './awards/awards.seed.ts';
import { seedDemoHandling } from './handling/handling.seed.ts';
import { seedDemoKeyProposal } from './key-proposals/key-proposals.seed.ts';
import { seedDemoMicroSuggestions } from './micro-suggestions/micro-suggestions.seed.ts';
import { seedDemoOrganization } from './orgs/orgs.seed.ts';
import { organizations } from './orgs/orgs.tables.ts';
import { type DemoAccount, seedDemoPeople } from './people/people.seed.ts';
import { seedDemoProposals } from './proposals/proposals.seed.ts';
import { seedDemoPublication } from './publication/publication.seed.ts';
import { trainRouting } from './routing/actions/train-routing.ts';
import { seedDemoHistory } from './routing/routing.seed.ts';
import { seedDemoStations } from './stations/stations.seed.ts';
import { seedDemoDeadlines } from './supervision/supervision.seed.ts';

export type { DemoAccount } from './people/people.seed.ts';

/**
 * Seeds the demo committee (示例市政协) into an empty database — never in production, never when any committee
 * exists — in one transaction: the committee with its dictionaries, terms and sessions, then its members,
 * handling units and one demo account per role; then its proposals in every state (proposals.seed.ts) a demo history of past
 * proposals, and the routing models trained on both. Returns the demo accounts for the start banner, or null when
 * it did nothing (also when another app node seeded first).
 */
export async function seedDemoIfEmpty(deps: AppDependencies): Promise<DemoAccount[] | null> {
  if (deps.config.production || !deps.config.seedDemo) return null;
  try {
    const seeded = await deps.database.orm.transaction(async (tx) => {
      const [{ total }] = await tx.select({ total: count() }).from(organizations);
      if (total > 0) return null;
      const demo = await seedDemoOrganization(tx, deps);
      return { orgId: demo.organizationId, accounts: await seedDemoPeople(tx, deps, demo.organizationId) };
    });
    if (!seeded) return null;
    // The proposals go through the real actions, each in its own transaction (with its events and notices).
    await seedDemoProposals(deps, seeded.orgId);
    // Handling: replies signed off and sent, rated, reopened and closed (the 发改委's demo accounts act).
    await seedDemoHandling(deps, seeded.orgId);
    const today = businessDate(deps.now(), DEFAULT_TIME_ZONE);
    // Micro-suggestions in every state, through the same engine: one overdue at its unit, one published with photos.
    await seedDemoMicroSuggestions(deps, seeded.orgId, today);
    // A key proposal with its supervising leader's visit and a leader's instruction; the replied and closed
    // proposals published to the portal; last year's awards.
    await seedDemoKeyProposal(deps, seeded.orgId, today);
    await seedDemoPublication(deps, seeded.orgId);
    await seedDemoAwards(deps, seeded.orgId, Number(today.slice(0, 4)) - 1);
    // The liaison station and member studio: a week of visits (closed on the spot or raised as micro-suggestions),
    // duty days around today, and the station's demo account.
    const stationAccounts = await seedDemoStations(deps, seeded.orgId, today);
    // The supervision board shows a red and a yellow light, not only green ones.
    await seedDemoDeadlines(deps, seeded.orgId, today);
    // The routing models learn from imported past proposals and the filed demo ones, so that review and assignment
    // show suggestions at once.
    await seedDemoHistory(deps, seeded.orgId);
    await trainRouting(deps, seeded.orgId, null);
    // Last, the previous session is archived (read-only, with its package), as a committee does after a session.
    await seedDemoArchive(deps, seeded.orgId);
    return [...seeded.accounts, ...stationAccounts];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (isUniqueViolation(error) || code === 'duplicate_organization_code') return null;
    throw error;
  }
}
