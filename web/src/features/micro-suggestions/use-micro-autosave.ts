/**
 * Autosave of the micro-suggestion form: the first save creates the draft (once it has a title; with an
 * Idempotency-Key, so a retried request never makes two), later saves PATCH only the changed fields with If-Match,
 * 1.2 s after the last keystroke and when a field loses focus. Saves run one at a time; a 409 stops autosave until
 * the member reloads, so nobody's change is overwritten. The state machine is the proposal editor's.
 */
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import { ApiError, errorMessage, newIdempotencyKey } from '../../lib/api.ts';
import { type AutosaveState, autosaveReducer, initialAutosaveState, mayAutosave } from '../proposals/autosave-state.ts';
import { createMicro, fetchMicro, updateMicro, useAdoptMicro } from './micro-api.ts';
import {
  changedMicroFields,
  createMicroBody,
  emptyMicroDraft,
  hasMicroChanges,
  type MicroDraftValues,
  microCounter,
  microDraftFields,
  microDraftValuesOf,
} from './micro-draft.ts';

/** How long after the last change autosave waits. */
export const MICRO_AUTOSAVE_DELAY_MS = 1200;

/** True when the failure is a version conflict (saved elsewhere meanwhile). */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}

/** What the form gets from autosave. */
export type MicroAutosave = {
  state: AutosaveState;
  /** The saved draft, once created. */
  item: MicroSuggestion | null;
  /** Call on every change of the form's values. */
  changed: () => void;
  /** Saves now (blur, before a photo or submitting); answers the saved item, or null when it could not save. */
  saveNow: () => Promise<MicroSuggestion | null>;
  /** Takes an item another call answered (submit) as the saved state. */
  adopt: (item: MicroSuggestion) => void;
  /** After a conflict: loads the server's version into the form (local changes are dropped). */
  reload: () => Promise<void>;
};

/** Autosave for the form; `initial` is the loaded draft when editing one. */
export function useMicroAutosave(options: {
  form: FormInstance<MicroDraftValues>;
  initial: MicroSuggestion | undefined;
  onCreated: (item: MicroSuggestion) => void;
}): MicroAutosave {
  const { form, initial } = options;
  const adoptInCache = useAdoptMicro();
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosaveState);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Filled by the effect below (editing) or by the first save (a new draft).
  const itemRef = useRef<MicroSuggestion | null>(null);
  const [item, setItem] = useState<MicroSuggestion | null>(initial ?? null);
  const savedRef = useRef<MicroDraftValues>(emptyMicroDraft());
  const createKeyRef = useRef(newIdempotencyKey());
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onCreatedRef = useRef(options.onCreated);
  onCreatedRef.current = options.onCreated;

  const takeSaved = useCallback(
    (saved: MicroSuggestion) => {
      itemRef.current = saved;
      setItem(saved);
      savedRef.current = microDraftValuesOf(saved);
      adoptInCache(saved);
    },
    [adoptInCache],
  );

  // A draft loaded for editing fills the form once (a later refetch must not overwrite what is being typed).
  const loadedRef = useRef<string | null>(null);
  useEffect(() => {
    if (!initial || loadedRef.current === initial.id) return;
    loadedRef.current = initial.id;
    if (itemRef.current?.id === initial.id && itemRef.current.version >= initial.version) return;
    itemRef.current = initial;
    setItem(initial);
    savedRef.current = microDraftValuesOf(initial);
    form.setFieldsValue(microDraftValuesOf(initial));
  }, [initial, form]);

  const currentValues = useCallback(
    (): MicroDraftValues => ({ ...emptyMicroDraft(), ...form.getFieldsValue([...microDraftFields]) }),
    [form],
  );

  const clearFieldErrors = useCallback(() => form.setFields(microDraftFields.map((name) => ({ name, errors: [] }))), [form]);

  const runSave = useCallback(async (): Promise<MicroSuggestion | null> => {
    if (!mayAutosave(stateRef.current)) return null;
    const values = currentValues();
    const max = itemRef.current?.maxLength;
    // Over the limit the text is not sent (the server refuses it); the other fields still are.
    const over = max !== undefined && microCounter(values, max).over;
    const overMessage = `问题和建议合计超过 ${max} 字，删减后才能保存`;
    try {
      const current = itemRef.current;
      if (!current) {
        const body = createMicroBody(values);
        if (!body) return null;
        dispatch({ type: 'save_started' });
        const created = await createMicro(body, createKeyRef.current);
        takeSaved(created);
        onCreatedRef.current(created);
      } else {
        const changes = changedMicroFields(savedRef.current, values);
        if (over) {
          delete changes.problem;
          delete changes.suggestion;
        }
        if (!hasMicroChanges(changes)) {
          if (over) {
            dispatch({ type: 'save_failed', message: overMessage });
            return null;
          }
          if (stateRef.current.status === 'dirty') {
            dispatch({ type: 'save_succeeded', at: stateRef.current.savedAt ?? new Date(), stillDirty: false });
          }
          return current;
        }
        dispatch({ type: 'save_started' });
        takeSaved(await updateMicro(current.id, current.version, changes));
      }
      clearFieldErrors();
      if (over) {
        dispatch({ type: 'save_failed', message: overMessage });
        return null;
      }
      const stillDirty = hasMicroChanges(changedMicroFields(savedRef.current, currentValues()));
      dispatch({ type: 'save_succeeded', at: new Date(), stillDirty });
      return itemRef.current;
    } catch (error) {
      if (isVersionConflict(error)) dispatch({ type: 'conflict' });
      else {
        const fields = error instanceof ApiError ? error.errors : [];
        const known = fields
          .map((entry) => ({ ...entry, field: entry.field?.replace(/^body\./, '') }))
          .filter((entry) => (microDraftFields as readonly string[]).includes(entry.field));
        if (known.length > 0) {
          form.setFields(known.map((entry) => ({ name: entry.field as keyof MicroDraftValues, errors: [entry.message] })));
        }
        dispatch({ type: 'save_failed', message: errorMessage(error) });
      }
      return null;
    }
  }, [currentValues, form, takeSaved, clearFieldErrors]);

  const saveNow = useCallback((): Promise<MicroSuggestion | null> => {
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
    timerRef.current = setTimeout(() => void saveNow(), MICRO_AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const reload = useCallback(async () => {
    const current = itemRef.current;
    if (!current) return;
    const fresh = await fetchMicro(current.id);
    takeSaved(fresh);
    form.setFieldsValue(microDraftValuesOf(fresh));
    clearFieldErrors();
    dispatch({ type: 'reloaded' });
  }, [form, takeSaved, clearFieldErrors]);

  // Leaving the form saves what is pending; closing the tab with unsaved changes asks first.
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

  return { state, item, changed, saveNow, adopt: takeSaved, reload };
}
