import { z } from 'zod';

/**
 * The kinds of item a handling unit answers through the one handling engine (decision 0016): each lands in the unit's
 * inbox, has a deadline, reminders and a light on the board, a reply and a rating.
 */
export const handledKinds = ['proposal', 'micro_suggestion'] as const;
export const handledKindSchema = z.enum(handledKinds, { error: '办理件类型应为 proposal（提案）或 micro_suggestion（微建议）' });
export type HandledKind = (typeof handledKinds)[number];
export const handledKindNames: Record<HandledKind, string> = { proposal: '提案', micro_suggestion: '微建议' };

/** What an item's own state means to the engine: waiting (not yet with units), handling, replied, closed, archived. */
export const handlingPhases = ['waiting', 'handling', 'replied', 'closed', 'archived'] as const;
export type HandlingPhase = (typeof handlingPhases)[number];
