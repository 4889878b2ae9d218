import fastJson from 'fast-json-stringify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

type JsonSchema = { [key: string]: unknown };

const compiled = new WeakMap<ZodType, (data: unknown) => string>();

/**
 * A JSON serializer generated from a zod response schema (zod → JSON Schema → fast-json-stringify): it writes
 * only the declared fields, like zod's output, but without re-validating every field of every item, which
 * made zod's serializer the largest cost of a 20-run page. Used for the hot read routes (ADR 007); the
 * schemas are the same contracts, and a unit test holds both serializers to the same output.
 */
export function fastSerializer(schema: ZodType): (data: unknown) => string {
  let serialize = compiled.get(schema);
  if (!serialize) {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
    serialize = fastJson(simplify(json) as Parameters<typeof fastJson>[0]);
    compiled.set(schema, serialize);
  }
  return serialize;
}

/** The fast serializer for 200 responses; anything else (error bodies) keeps zod's. */
export function fastSerializerCompiler(route: {
  schema: unknown;
  method: string;
  url: string;
  httpStatus?: string;
}): (data: unknown) => string {
  const schema = route.schema as ZodType;
  return route.httpStatus === '200' ? fastSerializer(schema) : serializerCompiler({ ...route, schema });
}

/**
 * zod writes a nullable field as `anyOf: [X, {type: "null"}]`, which fast-json-stringify resolves at run time
 * by validating each value against the branches; `type: [X, "null"]` is the same schema, resolved by a typeof.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (key !== '$schema') out[key] = simplify(value);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const [value, nothing] = anyOf[1]?.type === 'null' ? anyOf : [...anyOf].reverse();
    if (nothing?.type === 'null' && typeof value?.type === 'string' && Object.keys(nothing).length === 1) {
      const { anyOf: _anyOf, ...rest } = out;
      return { ...rest, ...value, type: [value.type, 'null'] };
    }
  }
  return out;
}
