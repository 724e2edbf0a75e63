import type { Role } from '../../../contracts/roles.ts';
import type { TenantSettings } from '../../../contracts/settings.ts';
import type {
  WorkbenchCard,
  WorkbenchDisplay,
  WorkbenchFigure,
  WorkbenchItem,
  WorkbenchPart,
  WorkbenchTone,
} from '../../../contracts/workbench.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';

/**
 * What every provider gets besides the actor, loaded once per request (decision 0017): the committee's business
 * date and time zone, its settings, its current session, and the request's instant.
 */
export type WorkbenchContext = {
  orgId: string;
  /** The committee's business date (YYYY-MM-DD in its time zone). */
  today: string;
  timeZone: string;
  settings: TenantSettings;
  currentSession: { id: string; name: string } | null;
  now: Date;
  /** The committee's last event sequence: every change is an event, so it names the state of the data. */
  dataVersion: number;
};

/**
 * A module's contribution to the workbench: the roles it counts for, and one function that answers its cards for an
 * actor holding at least one of them. `count` reads only (the executor is the plain handle, no transaction), keeps
 * to one or two SQL statements, and answers only what concerns this actor (a member's own proposals, a unit's own
 * assignments). Cards with nothing to show may be left out; a card a role always has (待审查) is answered with 0.
 */
export type WorkbenchProvider = {
  /** The module's name; the prefix of its cards' keys. */
  id: string;
  roles: readonly Role[];
  /**
   * The cards are the committee's queues, the same for every user holding the roles (the office's 待审查, 逾期…):
   * they depend on the data and the business date only, and are computed once per state of the committee's data
   * (`dataVersion`) and date in each app process, then answered from memory.
   */
  shared?: boolean;
  count(executor: Executor, actor: Actor, context: WorkbenchContext): Promise<WorkbenchCard[]>;
};

/** A card as a provider writes it; the rest takes the defaults (count display, normal tone, nothing listed). */
export type CardInput = {
  key: string;
  label: string;
  count: number;
  link: string | null;
  tone?: WorkbenchTone;
  hint?: string | null;
  display?: WorkbenchDisplay;
  items?: WorkbenchItem[];
  parts?: WorkbenchPart[];
  figures?: WorkbenchFigure[];
};

/** A complete card of provider `provider` (its key prefixed with the provider's id). */
export function workbenchCard(provider: string, input: CardInput): WorkbenchCard {
  return {
    key: `${provider}.${input.key}`,
    provider,
    label: input.label,
    count: input.count,
    link: input.link,
    tone: input.tone ?? 'normal',
    hint: input.hint ?? null,
    display: input.display ?? 'count',
    items: input.items ?? [],
    parts: input.parts ?? [],
    figures: input.figures ?? [],
  };
}

/** A count from SQL (bigint arrives as a number or, from some drivers' aggregates, a string; null as 0). */
export function countOf(value: unknown): number {
  const count = Number(value ?? 0);
  return Number.isFinite(count) ? count : 0;
}
