import type { FastifyInstance } from 'fastify';

/** The parts of the OpenAPI document the hostile-input sweeps walk. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, `/api/runs/{runId}`. */
  path: string;
  query: Map<string, JsonSchema>;
  pathParams: string[];
  body: JsonSchema | undefined;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

/** Every operation the server documents: a new route is swept without anyone adding it here. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  await app.ready();
  const doc = app.swagger() as unknown as Doc;
  const operations: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        query: new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** `/api/runs/{runId}` with each `{name}` replaced by `values[name]` (URL-encoded unless `raw`). */
export function urlOf(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return raw ? value : encodeURIComponent(value);
  });
}

/** The enum values of a (possibly wrapped) schema, e.g. the sorts of a list. */
export function enumOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.enum) return schema.enum.filter((v): v is string => typeof v === 'string');
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap(enumOf);
}

/** Paths (`['meetingPlace', 'name']`, `['items', 0, 'text']`) of every string a JSON body schema holds. */
export function stringFieldsOf(
  schema: JsonSchema | undefined,
  path: (string | number)[] = [],
): (string | number)[][] {
  if (!schema || path.length > 6) return [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (variants.length)
    return stringFieldsOf(
      variants.find((v) => v.type !== 'null'),
      path,
    );
  if (types.includes('string') && !schema.enum) return [path];
  if (types.includes('array')) return stringFieldsOf(schema.items, [...path, 0]);
  return Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => stringFieldsOf(sub, [...path, key]));
}

/** A body holding `value` at `path` and nothing else. */
export function bodyWith(path: (string | number)[], value: string): unknown {
  return path.reduceRight<unknown>(
    (inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }),
    value,
  );
}
