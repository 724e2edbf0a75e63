/**
 * The autosave status of the editor as a small state machine, so the screen shows one clear line:
 * 未保存 / 正在保存… / 已自动保存 hh:mm / 保存失败 / 已在别处修改 (conflict, autosave stops until reloaded).
 */

/** Where autosave stands. */
export type AutosaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

/** The state: the status, when the last save succeeded, and the last failure's message. */
export type AutosaveState = { status: AutosaveStatus; savedAt: Date | null; error: string | null };

/** What happens to autosave. */
export type AutosaveEvent =
  | { type: 'changed' }
  | { type: 'save_started' }
  | { type: 'save_succeeded'; at: Date; stillDirty: boolean }
  | { type: 'save_failed'; message: string }
  | { type: 'conflict' }
  | { type: 'reloaded' };

/** The state before anything was typed. */
export const initialAutosaveState: AutosaveState = { status: 'idle', savedAt: null, error: null };

/** The next state after an event. A conflict holds until the user reloads: nothing overwrites the other change. */
export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  if (state.status === 'conflict' && event.type !== 'reloaded') return state;
  switch (event.type) {
    case 'changed':
      return state.status === 'saving' ? state : { ...state, status: 'dirty' };
    case 'save_started':
      return { ...state, status: 'saving', error: null };
    case 'save_succeeded':
      return { status: event.stillDirty ? 'dirty' : 'saved', savedAt: event.at, error: null };
    case 'save_failed':
      return { ...state, status: 'error', error: event.message };
    case 'conflict':
      return { ...state, status: 'conflict', error: null };
    case 'reloaded':
      return { status: state.savedAt ? 'saved' : 'idle', savedAt: state.savedAt, error: null };
  }
}

/** True while autosave may send a change. */
export function mayAutosave(state: AutosaveState): boolean {
  return state.status !== 'conflict';
}
