import { describe, expect, it } from 'vitest';
import { type AutosaveEvent, autosaveReducer, initialAutosaveState, mayAutosave } from './autosave-state.ts';

const at = new Date('2026-12-02T06:00:00Z');
const run = (...events: AutosaveEvent[]) => events.reduce(autosaveReducer, initialAutosaveState);

describe('autosave state', () => {
  it('goes dirty, saving, saved', () => {
    expect(run({ type: 'changed' }).status).toBe('dirty');
    expect(run({ type: 'changed' }, { type: 'save_started' }).status).toBe('saving');
    const saved = run({ type: 'changed' }, { type: 'save_started' }, { type: 'save_succeeded', at, stillDirty: false });
    expect(saved).toEqual({ status: 'saved', savedAt: at, error: null });
  });

  it('stays dirty when the user typed while saving', () => {
    const state = run(
      { type: 'changed' },
      { type: 'save_started' },
      { type: 'changed' },
      { type: 'save_succeeded', at, stillDirty: true },
    );
    expect(state.status).toBe('dirty');
    expect(state.savedAt).toBe(at);
  });

  it('keeps the failure message until the next save', () => {
    const failed = run({ type: 'save_started' }, { type: 'save_failed', message: '网络连接失败' });
    expect(failed).toMatchObject({ status: 'error', error: '网络连接失败' });
    expect(autosaveReducer(failed, { type: 'save_started' })).toMatchObject({ status: 'saving', error: null });
  });

  it('holds a conflict until reloaded, and stops autosave meanwhile', () => {
    const conflict = run({ type: 'save_started' }, { type: 'save_succeeded', at, stillDirty: false }, { type: 'conflict' });
    expect(mayAutosave(conflict)).toBe(false);
    expect(autosaveReducer(conflict, { type: 'changed' })).toBe(conflict);
    expect(autosaveReducer(conflict, { type: 'save_started' })).toBe(conflict);
    const reloaded = autosaveReducer(conflict, { type: 'reloaded' });
    expect(reloaded).toEqual({ status: 'saved', savedAt: at, error: null });
    expect(mayAutosave(reloaded)).toBe(true);
  });
});
