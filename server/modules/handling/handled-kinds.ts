import type { HandledKind, HandlingPhase } from '../../../contracts/handling.ts';
import type { Role } from '../../../contracts/roles.ts';
import type { TenantSettings } from '../../../contracts/settings.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import type { AppDependencies } from '../../platform/module.ts';

/**
 * The owner of a handled item as the engine sees it, whatever its kind: what the reply flow, the ratings and the
 * closing job read (decision 0016). Each kind's adapter loads it from its own table.
 */
export type HandledOwner = {
  orgId: string;
  id: string;
  kind: HandledKind;
  title: string;
  /** The owner's own workflow state. */
  state: string;
  phase: HandlingPhase;
  version: number;
  /** Times a dissatisfied rating reopened handling. */
  rehandlingCount: number;
  /** The last day to rate once every reply is in; null before. */
  ratingDueOn: string | null;
};

/** A person who rates an item's replies: a member, or null for a collective author (staff rate for it). */
export type HandledRater = { memberId: string | null; name: string };

/** The moves the engine asks an owner to make: all replies in, reopened by a dissatisfied rating, closed. */
export type HandlingMove = 'record_reply' | 'reopen' | 'close';

/** What the engine passes with a move (each kind keeps what it needs; the proposal keeps them all). */
export type HandlingMoveChanges = {
  repliedAt?: string;
  ratingDueOn?: string | null;
  closedAt?: string;
  rehandlingCount?: number;
};

/** Who moves it: the actor (null for a scheduled job) with the roles the guard checks, and the event's summary. */
export type HandlingMover = { actor: Actor | null; roles: readonly Role[]; context?: RequestContext; summary: string };

/** The handling rules of a kind in a committee (settings over the defaults of domain.md). */
export type KindHandlingRules = {
  /** The unit leader signs a reply off before it goes out. */
  leaderSignOff: boolean;
  /** The office reviews a signed-off reply before it goes out (proposals: a committee setting). */
  officeReview: boolean;
  /** How many times a dissatisfied rating may reopen handling, per unit. */
  rehandlingLimit: number;
  /** Days the raters have once every reply is in. */
  ratingWindowDays: number;
  /** A reopened unit's new deadline: working days or months from the reopening. */
  rehandlingDue: { workingDays: number } | { months: number };
  /** Most extension requests one assignment may make (unset: any number, one open at a time — the proposal rule). */
  extensionsPerAssignment?: number;
  /** The latest due date an extension may reach, counted from the assignment day (unset: the proposals' cap). */
  extensionMax?: { workingDays: number } | { months: number };
};

/**
 * One kind of handled item: how the engine loads and moves its owner and whom it asks to rate. A new kind is a new
 * adapter and a new value of `handledKinds`, never a new set of handling tables or screens.
 */
export type HandledKindAdapter = {
  kind: HandledKind;
  /** The owner (404 when missing); locked for update when asked — the first lock of every handling write. */
  load(executor: Executor, orgId: string, id: string, forUpdate?: boolean): Promise<HandledOwner>;
  /** Moves the owner through its own workflow with its own event, and keeps its handled item in step. */
  move(
    tx: Transaction,
    deps: AppDependencies,
    owner: HandledOwner,
    move: HandlingMove,
    changes: HandlingMoveChanges,
    who: HandlingMover,
  ): Promise<HandledOwner>;
  /** Who rates the replies. */
  raters(executor: Executor, owner: HandledOwner): Promise<HandledRater[]>;
  /** The kind's rules from the committee's settings. */
  rules(settings: TenantSettings): KindHandlingRules;
  /** Where the web shows the item (for notices and the inbox). */
  link(owner: Pick<HandledOwner, 'id'>): string;
  /**
   * Whether the actor may read the item's replies (unset: the engine's rule — the office, supervisors and leaders,
   * the units holding an assignment of it, its raters).
   */
  readable?(executor: Executor, actor: Actor, owner: HandledOwner): Promise<boolean>;
  /** The rater this actor is for the item (unset: the rater with the actor's member record, for a member). */
  raterFor?(actor: Actor, owner: HandledOwner, raters: readonly HandledRater[]): HandledRater | null;
  /** Re-indexes the owner for search after one of its replies went out (unset: nothing to do). */
  reindex?(tx: Transaction, owner: HandledOwner): Promise<void>;
};
