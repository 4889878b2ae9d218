import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { issueMessage } from './issue-message.ts';
import { errorMessage, type Message } from './messages.ts';

type FieldErrors<V> = Partial<Record<keyof V & string, Message>>;
type StringField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
interface Issue {
  code: string;
  message: string;
  path: readonly PropertyKey[];
}

export interface ZodFormOptions<V> {
  /** A field's message for issues without a specific one (zod's generic "invalid option" for an unchosen level). */
  fieldMessages?: Partial<Record<keyof V & string, string>>;
  /** Server error codes that belong to one field, e.g. `{ EMAIL_TAKEN: 'email' }`. */
  codeFields?: Partial<Record<string, keyof V & string>>;
  /** Where issues about a payload key land when the form edits it as other fields, e.g. `{ startsAt: 'startTime' }`. */
  issueFields?: Partial<Record<string, keyof V & string>>;
}

/** The field an issue is about: server issues start with the request part (`["body", "title"]`). */
function issueField<V extends object>(issue: Issue, values: V, options: ZodFormOptions<V>) {
  const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
  const name = path[0];
  if (typeof name !== 'string') return undefined;
  const mapped = options.issueFields?.[name] ?? name;
  return mapped in values ? (mapped as keyof V & string) : undefined;
}

function fieldErrorsOf<V extends object>(issues: readonly Issue[], values: V, options: ZodFormOptions<V>) {
  const errors: FieldErrors<V> = {};
  for (const issue of issues) {
    const field = issueField(issue, values, options);
    if (field === undefined || errors[field]) continue;
    const message = issueMessage(issue);
    const override = options.fieldMessages?.[field];
    errors[field] = override && message.key.startsWith('validation.generic.') ? { key: override } : message;
  }
  return errors;
}

/**
 * Form state validated with a contracts schema (the same one the server uses): on blur of a changed field,
 * and on submit for all fields. Server errors land beside their field when the server names one.
 */
export function useZodForm<V extends Record<string, unknown>, Out>(
  schema: z.ZodType<Out>,
  initialValues: V,
  options: ZodFormOptions<V> = {},
) {
  type Field = keyof V & string;
  const [initial] = useState(initialValues);
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<V>>({});
  const [formError, setFormError] = useState<Message | null>(null);

  const result = schema.safeParse(values);
  const clientErrors: FieldErrors<V> = result.success
    ? {}
    : fieldErrorsOf(result.error.issues, values, options);
  const errorOf = (name: Field): Message | undefined =>
    serverErrors[name] ?? (submitted || touched.has(name) ? clientErrors[name] : undefined);

  function setValue<K extends Field>(name: K, value: V[K]): void {
    setValues((previous) => ({ ...previous, [name]: value }));
    setServerErrors(({ [name]: _dropped, ...rest }) => rest as FieldErrors<V>);
  }

  function validateField(name: Field): void {
    if (values[name] === initial[name]) return;
    setTouched((previous) => new Set(previous).add(name));
  }

  /** Shows the errors of some fields now (one step of a multi-step form); true when they all pass. */
  function checkFields(names: readonly Field[]): boolean {
    setTouched((previous) => new Set([...previous, ...names]));
    return names.every((name) => clientErrors[name] === undefined && serverErrors[name] === undefined);
  }

  /** Fields the schema currently rejects, shown or not. */
  function invalidFields(): Field[] {
    return Object.keys(clientErrors);
  }

  function register<K extends StringField<V>>(name: K) {
    return {
      name,
      value: values[name] as string,
      // K only names string fields, so the input's string is that field's type.
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setValue(name, event.target.value as V[K]),
      onBlur: () => validateField(name),
      error: errorOf(name),
    };
  }

  function handleSubmit(onValid: (data: Out) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setSubmitted(true);
      setFormError(null);
      setServerErrors({});
      if (result.success) return onValid(result.data);
      // Focus the first invalid control in page order, not schema order.
      const invalid = new Set(result.error.issues.map((issue) => issueField(issue, values, options)));
      const controls = Array.from(event.currentTarget.elements);
      const first = controls.find(
        (c) => c instanceof HTMLElement && invalid.has(c.getAttribute('name') ?? ''),
      );
      if (first instanceof HTMLElement) first.focus();
    };
  }

  /** Puts a failed call's errors beside their fields; returns the fields that got one (none: a form-level error). */
  function applyServerError(error: unknown): Field[] {
    if (error instanceof ApiError) {
      const field = options.codeFields?.[error.code];
      if (field) {
        setServerErrors({ [field]: errorMessage(error) } as FieldErrors<V>);
        return [field];
      }
      const fieldErrors = fieldErrorsOf(error.issues, values, options);
      const fields = Object.keys(fieldErrors) as Field[];
      if (fields.length > 0) {
        setServerErrors(fieldErrors);
        return fields;
      }
    }
    setFormError(errorMessage(error));
    return [];
  }

  return {
    values,
    errorOf,
    formError,
    setValue,
    validateField,
    checkFields,
    invalidFields,
    register,
    handleSubmit,
    applyServerError,
  };
}
