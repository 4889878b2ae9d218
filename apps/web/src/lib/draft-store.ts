/** A multi-step form's work in progress: the values and the step it was on. */
export interface Draft<V, S extends string> {
  values: V;
  step: S;
}

/** Checks one stored field: an old or tampered draft must not break the form. */
export type FieldCheck = (value: unknown) => boolean;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A [lat, lng] pair of finite numbers. */
export const isPoint: FieldCheck = (p) =>
  Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
export const isRoute: FieldCheck = (route) => Array.isArray(route) && route.every(isPoint);
export const isIndexList: FieldCheck = (list) =>
  Array.isArray(list) && list.every((n) => Number.isInteger(n));
export const isImageList: FieldCheck = (list) =>
  Array.isArray(list) && list.every((p) => isRecord(p) && typeof p.id === 'string');

interface DraftStoreOptions<V extends Record<string, unknown>, S extends string> {
  /** The sessionStorage key. */
  key: string;
  /** The untouched form: a draft equal to it on the first step is not kept. */
  empty: V;
  steps: readonly [S, ...S[]];
  /** The checks of the fields that are not strings (strings are kept when the empty form has a string there). */
  checks: Partial<Record<keyof V, FieldCheck>>;
}

export interface DraftStore<V, S extends string> {
  load: () => Draft<V, S> | null;
  /** Saves a draft with work in it; an untouched form leaves nothing behind. */
  remember: (draft: Draft<V, S>) => void;
  save: (draft: Draft<V, S>) => void;
  clear: () => void;
}

/**
 * Keeps a draft in sessionStorage: work in progress on this tab survives a reload, not forever. Storage that
 * is full or unavailable only costs the draft; the form still works.
 */
export function draftStore<V extends Record<string, unknown>, S extends string>({
  key,
  empty,
  steps,
  checks,
}: DraftStoreOptions<V, S>): DraftStore<V, S> {
  const sanitize = (raw: Record<string, unknown>): V => {
    const values: Record<string, unknown> = { ...empty };
    for (const [field, fallback] of Object.entries(empty)) {
      const value = raw[field];
      const check: FieldCheck | undefined = checks[field];
      if (typeof fallback === 'string' ? typeof value === 'string' : check?.(value) === true)
        values[field] = value;
    }
    // Every key was copied from the empty form's and checked against its type above.
    return values as V;
  };

  const save = (draft: Draft<V, S>) => {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(draft));
    } catch {
      // Storage full or unavailable: the form still works, only a reload would lose it.
    }
  };

  const clear = () => {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  };

  return {
    load: () => {
      try {
        const raw: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
        if (!isRecord(raw) || !isRecord(raw.values)) return null;
        const step = steps.find((s) => s === raw.step) ?? steps[0];
        return { values: sanitize(raw.values), step };
      } catch {
        return null;
      }
    },
    remember: (draft) => {
      const untouched = draft.step === steps[0] && JSON.stringify(draft.values) === JSON.stringify(empty);
      if (untouched) clear();
      else save(draft);
    },
    save,
    clear,
  };
}
