import type { CreateRunParsed } from '@erun/contracts';
import type { useZodForm } from '../../../../lib/form.ts';
import type { RunFormValues } from '../../utils/run-form.ts';

/** The form state each step works on. */
export type RunFormApi = ReturnType<typeof useZodForm<RunFormValues, CreateRunParsed>>;
