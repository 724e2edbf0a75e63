/**
 * Autosave of the proposal editor: the first save creates the draft (once there is a title), later saves PATCH
 * only the changed fields with If-Match, 1.5 s after the last keystroke and when a field loses focus. Saves run
 * one at a time; a 409 stops autosave until the user reloads, so nobody's change is overwritten.
 */
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { type AutosaveState, autosaveReducer, initialAutosaveState, mayAutosave } from './autosave-state.ts';
import { bodyCounter } from './body-counter.ts';
import {
  changedDraftFields,
  createBody,
  type DraftValues,
  draftFieldNames,
  draftValuesOf,
  emptyDraft,
  hasChanges,
} from './draft-fields.ts';
import { createProposal, fetchProposal, updateProposal, useAdoptProposal } from './proposals-api.ts';

/** How long after the last change autosave waits. */
export const AUTOSAVE_DELAY_MS = 1500;

/** True when the failure is a version conflict (someone else saved meanwhile). */
function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}

/** What the editor gets from autosave. */
export type DraftAutosave = {
  state: AutosaveState;
  /** The id of the draft once created. */
  proposalId: string | null;
  /** Call on every change of the form's values. */
  changed: () => void;
  /** Saves now (blur, before submit or inviting); answers the saved version, or null when it could not save. */
  saveNow: () => Promise<number | null>;
  /** Takes a proposal another action answered (invite, cancel) as the saved state. */
  adopt: (proposal: Proposal) => void;
  /** After a conflict: loads the server's version into the form (local changes are dropped). */
  reload: () => Promise<void>;
};

/** Autosave for the editor's form; `initial` is the loaded proposal when editing one. */
export function useDraftAutosave(options: {
  form: FormInstance<DraftValues>;
  initial: Proposal | undefined;
  onCreated: (proposal: Proposal) => void;
  /** The committee's body limit: a body over it is not sent (the server refuses it), the other fields still are. */
  bodyMax: number;
}): DraftAutosave {
  const { form, initial, onCreated } = options;
  const bodyMaxRef = useRef(options.bodyMax);
  bodyMaxRef.current = options.bodyMax;
  const adoptInCache = useAdoptProposal();
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosaveState);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Filled by the effect below (editing) or by the first save (a new draft).
  const idRef = useRef<string | null>(null);
  const versionRef = useRef<number>(0);
  const savedRef = useRef<DraftValues>(emptyDraft());
  const [proposalId, setProposalId] = useState<string | null>(initial?.id ?? null);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onCreatedRef = useRef(onCreated);
  onCreatedRef.current = onCreated;

  const takeSaved = useCallback(
    (proposal: Proposal) => {
      idRef.current = proposal.id;
      setProposalId(proposal.id);
      versionRef.current = proposal.version;
      savedRef.current = draftValuesOf(proposal);
      adoptInCache(proposal);
    },
    [adoptInCache],
  );

  // A proposal loaded for editing fills the form once (a later refetch must not overwrite what is being typed).
  const loadedIdRef = useRef<string | null>(null);
  useEffect(() => {
    if (!initial || loadedIdRef.current === initial.id) return;
    loadedIdRef.current = initial.id;
    if (idRef.current === initial.id && versionRef.current >= initial.version) return;
    idRef.current = initial.id;
    setProposalId(initial.id);
    versionRef.current = initial.version;
    savedRef.current = draftValuesOf(initial);
    form.setFieldsValue(draftValuesOf(initial));
  }, [initial, form]);

  const clearFieldErrors = useCallback(() => form.setFields(draftFieldNames.map((name) => ({ name, errors: [] }))), [form]);

  const currentValues = useCallback(
    () => ({ ...emptyDraft(), ...form.getFieldsValue([...draftFieldNames]) }) as DraftValues,
    [form],
  );

  const runSave = useCallback(async (): Promise<number | null> => {
    if (!mayAutosave(stateRef.current)) return null;
    const values = currentValues();
    const overLimit = bodyCounter(values, bodyMaxRef.current).over;
    const overMessage = `正文超过 ${bodyMaxRef.current} 字上限，删减后才能保存正文`;
    try {
      if (!idRef.current) {
        if (overLimit) {
          dispatch({ type: 'save_failed', message: overMessage });
          return null;
        }
        const body = createBody(values);
        if (!body) return null;
        dispatch({ type: 'save_started' });
        const created = await createProposal(body);
        takeSaved(created);
        onCreatedRef.current(created);
      } else {
        const changes = changedDraftFields(savedRef.current, values);
        if (overLimit) {
          delete changes.background;
          delete changes.suggestions;
        }
        if (!hasChanges(changes)) {
          if (overLimit) {
            dispatch({ type: 'save_failed', message: overMessage });
            return null;
          }
          if (stateRef.current.status === 'dirty') {
            dispatch({ type: 'save_succeeded', at: stateRef.current.savedAt ?? new Date(), stillDirty: false });
          }
          return versionRef.current;
        }
        dispatch({ type: 'save_started' });
        takeSaved(await updateProposal(idRef.current, versionRef.current, changes));
      }
      clearFieldErrors();
      if (overLimit) {
        dispatch({ type: 'save_failed', message: overMessage });
        return null;
      }
      const stillDirty = hasChanges(changedDraftFields(savedRef.current, currentValues()));
      dispatch({ type: 'save_succeeded', at: new Date(), stillDirty });
      return versionRef.current;
    } catch (error) {
      if (isConflict(error)) dispatch({ type: 'conflict' });
      else {
        const fields = error instanceof ApiError ? error.errors : [];
        const known = fields.filter((item) =>
          (draftFieldNames as readonly string[]).includes(item.field?.replace(/^body\./, '')),
        );
        if (known.length > 0) {
          form.setFields(
            known.map((item) => ({ name: item.field.replace(/^body\./, '') as keyof DraftValues, errors: [item.message] })),
          );
        }
        dispatch({ type: 'save_failed', message: errorMessage(error) });
      }
      return null;
    }
  }, [currentValues, form, takeSaved, clearFieldErrors]);

  const saveNow = useCallback((): Promise<number | null> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    const next = chainRef.current.then(runSave, runSave);
    chainRef.current = next.catch(() => null);
    return next;
  }, [runSave]);

  const changed = useCallback(() => {
    if (!mayAutosave(stateRef.current)) return;
    dispatch({ type: 'changed' });
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const reload = useCallback(async () => {
    if (!idRef.current) return;
    const fresh = await fetchProposal(idRef.current);
    takeSaved(fresh);
    form.setFieldsValue(draftValuesOf(fresh));
    clearFieldErrors();
    dispatch({ type: 'reloaded' });
  }, [form, takeSaved, clearFieldErrors]);

  // Leaving the editor saves what is pending; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const status = stateRef.current.status;
      if (status === 'dirty' || status === 'saving' || status === 'error') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        void saveNow();
      }
    };
  }, [saveNow]);

  return { state, proposalId, changed, saveNow, adopt: takeSaved, reload };
}
