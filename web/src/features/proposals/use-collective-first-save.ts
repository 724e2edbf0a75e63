/**
 * The first save of a collective proposal (集体提案) the office enters: once 提案单位 and 案由 are given, 1.5 s
 * after the last change or when a field loses focus, POST /proposals with `collectiveAuthor`. What was typed
 * while that request ran is PATCHed right after, so nothing is lost when the editor moves on to the saved draft
 * (whose own autosave takes over from there).
 */
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { type AutosaveState, autosaveReducer, initialAutosaveState } from './autosave-state.ts';
import { bodyCounter } from './body-counter.ts';
import { type CollectiveAuthorValue, collectiveAuthorOf } from './collective-author-field.tsx';
import {
  changedDraftFields,
  createBody,
  type DraftValues,
  draftFieldNames,
  draftValuesOf,
  emptyDraft,
  hasChanges,
} from './draft-fields.ts';
import { createProposal, updateProposal, useAdoptProposal } from './proposals-api.ts';
import { AUTOSAVE_DELAY_MS } from './use-draft-autosave.ts';

/** The values of the collective editor: the draft and its 提案单位. */
export type CollectiveDraftValues = DraftValues & { collectiveAuthor: CollectiveAuthorValue };

/** What the collective editor gets: the save state, a change hook and saving now. */
export type CollectiveFirstSave = {
  state: AutosaveState;
  changed: () => void;
  saveNow: () => Promise<Proposal | null>;
};

/** The first save of a new collective draft; `onCreated` gets the saved draft (the editor then opens it). */
export function useCollectiveFirstSave(options: {
  form: FormInstance<DraftValues>;
  bodyMax: number;
  onCreated: (proposal: Proposal) => void;
}): CollectiveFirstSave {
  const { form: draftForm, bodyMax } = options;
  // The draft's form (typed for the draft fields, as its autosave takes it) also holds 提案单位.
  const form = draftForm as unknown as FormInstance<CollectiveDraftValues>;
  const adopt = useAdoptProposal();
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosaveState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runningRef = useRef<Promise<Proposal | null> | null>(null);
  const createdRef = useRef<Proposal | null>(null);
  const onCreatedRef = useRef(options.onCreated);
  onCreatedRef.current = options.onCreated;
  const mountedRef = useRef(true);

  const draftValues = useCallback(
    () => ({ ...emptyDraft(), ...draftForm.getFieldsValue([...draftFieldNames]) }) as DraftValues,
    [draftForm],
  );

  const run = useCallback(async (): Promise<Proposal | null> => {
    if (createdRef.current) return createdRef.current;
    const author = collectiveAuthorOf(form.getFieldValue('collectiveAuthor') as CollectiveAuthorValue | undefined);
    const values = draftValues();
    const body = createBody(values);
    if (!author || !body) {
      // A title without 提案单位: say what is missing (the draft cannot be created without it).
      if (body && !author) form.validateFields(['collectiveAuthor']).catch(() => undefined);
      if (stateRef.current.status === 'dirty') dispatch({ type: 'reloaded' });
      return null;
    }
    if (bodyCounter(values, bodyMax).over) {
      dispatch({ type: 'save_failed', message: `正文超过 ${bodyMax} 字上限，删减后才能保存` });
      return null;
    }
    dispatch({ type: 'save_started' });
    try {
      let saved = await createProposal({ ...body, collectiveAuthor: author });
      createdRef.current = saved;
      const later = changedDraftFields(draftValuesOf(saved), draftValues());
      if (hasChanges(later)) {
        try {
          saved = await updateProposal(saved.id, saved.version, later);
        } catch {
          // The draft exists; its editor shows what was saved and the member's autosave picks up from there.
        }
      }
      createdRef.current = saved;
      adopt(saved);
      dispatch({ type: 'save_succeeded', at: new Date(), stillDirty: false });
      // Saved on the way out (the editor is gone): the draft is in the list, nothing to open.
      if (mountedRef.current) onCreatedRef.current(saved);
      return saved;
    } catch (error) {
      const fields = error instanceof ApiError ? error.errors : [];
      const known = fields
        .map((item) => ({ ...item, field: item.field?.replace(/^body\./, '') ?? '' }))
        .map((item) => ({ ...item, field: item.field.startsWith('collectiveAuthor') ? 'collectiveAuthor' : item.field }))
        .filter((item) => item.field === 'collectiveAuthor' || (draftFieldNames as readonly string[]).includes(item.field));
      if (known.length > 0) {
        form.setFields(known.map((item) => ({ name: item.field as keyof CollectiveDraftValues, errors: [item.message] })));
      }
      dispatch({ type: 'save_failed', message: errorMessage(error) });
      return null;
    }
  }, [form, draftValues, bodyMax, adopt]);

  const saveNow = useCallback((): Promise<Proposal | null> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (runningRef.current) return runningRef.current;
    const running = run().finally(() => {
      runningRef.current = null;
    });
    runningRef.current = running;
    return running;
  }, [run]);

  const changed = useCallback(() => {
    if (createdRef.current) return;
    dispatch({ type: 'changed' });
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  // Leaving before the first save: save what is there (if it is enough to create the draft).
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        void saveNow();
      }
    };
  }, [saveNow]);

  return { state, changed, saveNow };
}
