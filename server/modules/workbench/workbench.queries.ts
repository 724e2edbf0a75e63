import { sql } from 'drizzle-orm';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Workbench, WorkbenchCard } from '../../../contracts/workbench.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { businessDate, DEFAULT_TIME_ZONE } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import type { WorkbenchContext, WorkbenchProvider } from './workbench.provider.ts';
import { workbenchProviders } from './workbench.registry.ts';

type ContextRow = {
  time_zone: string | null;
  settings: unknown;
  session_id: string | null;
  session_name: string | null;
  data_version: number | string | null;
};

/**
 * The committee's time zone, settings, current session and data version (its event chain's head) in one
 * statement, with today's business date.
 */
export async function loadWorkbenchContext(executor: Executor, orgId: string, now: Date): Promise<WorkbenchContext> {
  const { rows } = await executor.execute<ContextRow>(sql`
    select o.time_zone, o.settings, s.id as session_id, s.name as session_name,
      (select h.last_sequence from event_chain_heads h where h.org_id = o.id) as data_version
    from organizations o left join sessions s on s.org_id = o.id and s.is_current
    where o.id = ${orgId}`);
  const row = rows[0];
  if (!row) throw notFound('政协组织');
  const timeZone = row.time_zone || DEFAULT_TIME_ZONE;
  return {
    orgId,
    today: businessDate(now, timeZone),
    timeZone,
    settings: effectiveSettings(row.settings),
    currentSession: row.session_id ? { id: row.session_id, name: row.session_name ?? '' } : null,
    now,
    dataVersion: Number(row.data_version ?? 0),
  };
}

const MAX_SHARED = 500;
const sharedCards = new Map<string, WorkbenchCard[]>();

/**
 * The cards of a shared provider (the committee's queues): from memory while the committee's data and business date
 * are as they were when they were last counted, else counted now. Bounded: the oldest entries go.
 */
async function sharedCount(
  provider: WorkbenchProvider,
  position: number,
  executor: Executor,
  actor: Actor,
  context: WorkbenchContext,
): Promise<WorkbenchCard[]> {
  const key = `${context.orgId}|${position}|${provider.id}|${context.today}|${context.dataVersion}`;
  const found = sharedCards.get(key);
  if (found) return found;
  const cards = await provider.count(executor, actor, context);
  sharedCards.set(key, cards);
  if (sharedCards.size > MAX_SHARED) sharedCards.delete(sharedCards.keys().next().value as string);
  return cards;
}

/** Forgets the shared providers' cards (the benchmark measures counting them with it). */
export function clearSharedWorkbenchCards(): void {
  sharedCards.clear();
}

/** The providers that count for an actor: those naming at least one of the actor's roles. */
export function providersFor(actor: Pick<Actor, 'roles'>, providers: readonly WorkbenchProvider[]): WorkbenchProvider[] {
  return providers.filter((provider) => hasAnyRole(actor, ...provider.roles));
}

/** The cards in provider order, each key once (a provider listed for two of the actor's roles counts once). */
export function mergeCards(answers: readonly WorkbenchCard[][]): WorkbenchCard[] {
  const seen = new Set<string>();
  const cards: WorkbenchCard[] = [];
  for (const card of answers.flat()) {
    if (seen.has(card.key)) continue;
    seen.add(card.key);
    cards.push(card);
  }
  return cards;
}

/**
 * GET /workbench: every card of the actor at once. The committee's context is one statement; then each provider of
 * the actor's roles counts (side by side: on a server the pool runs them in parallel, the embedded database answers
 * them in turn); a shared provider's cards come from memory while the committee's data is unchanged.
 */
export async function getWorkbench(deps: AppDependencies, actor: Actor): Promise<Workbench> {
  const orm = deps.database.orm;
  const now = deps.now();
  const context = await loadWorkbenchContext(orm, actor.orgId, now);
  const all = workbenchProviders();
  const providers = providersFor(actor, all);
  const answers = await Promise.all(
    providers.map((provider) =>
      provider.shared ? sharedCount(provider, all.indexOf(provider), orm, actor, context) : provider.count(orm, actor, context),
    ),
  );
  return { today: context.today, generatedAt: now.toISOString(), cards: mergeCards(answers) };
}
