import { CleanTextSchema } from '@erun/contracts';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/**
 * Every route's input schema, behind one check for characters no text may hold (NUL, other C0 controls,
 * U+FFFE/U+FFFF, lone surrogates): 400 `VALIDATION_FAILED` with the path, before the route's own rules run
 * and long before SQL or an export sees them. Done at validation, not in a hook, so it keeps its place after
 * whatever runs before validation (authentication).
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  zodValidatorCompiler({ ...route, schema: CleanTextSchema.pipe(route.schema) });
