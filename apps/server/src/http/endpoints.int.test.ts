import { EmptyJsonBodySchema, type Endpoint, endpoints } from '@erun/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument } from './openapi-document.ts';

/**
 * The contracts' table of endpoints, which the web client calls by, is the server's: every entry is an operation
 * of the OpenAPI document (generated from the routes) with the same method and path, the same query parameters,
 * request body and success answer. A route renamed, moved or answering another shape fails here, not in a browser.
 */

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
let paths: Record<string, Record<string, Operation>>;

// The whole app on a fresh embedded database, migrated: seconds alone, but over the 60 s hook limit in a CI run
// whose browser suite and PostgreSQL suite share two cores (load average 12 — seen in CI).
beforeAll(async () => {
  paths = ((await openApiDocument()) as { paths: typeof paths }).paths;
}, 240_000);

/** As the OpenAPI document shows a zod schema (fastify-type-provider-zod: JSON Schema 2020-12, `const` as `enum`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return constAsEnum(rest);
}

function constAsEnum(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(constAsEnum);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'const') out.enum = [value];
    else out[key] = constAsEnum(value);
  }
  return out;
}

function operationOf(endpoint: Endpoint): Operation | undefined {
  return paths[endpoint.path.replace(/:(\w+)/g, '{$1}')]?.[endpoint.method.toLowerCase()];
}

const table = Object.entries(endpoints) as [string, Endpoint][];

describe('the endpoints table', () => {
  it.each(table)('%s is a route of the server, with its method and path', (_, endpoint) => {
    expect(operationOf(endpoint)).toBeDefined();
  });

  it.each(table)('%s has the query and body the route documents', (_, endpoint) => {
    const operation = operationOf(endpoint);
    const queryNames = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const query = endpoint.query ? jsonSchema(endpoint.query, 'input') : undefined;
    expect(queryNames.sort()).toEqual(
      Object.keys((query as { properties?: object })?.properties ?? {}).sort(),
    );
    const body = operation?.requestBody?.content['application/json']?.schema;
    if (endpoint.path === '/api/uploads') return; // multipart: the form is the body
    if (endpoint.body === undefined || endpoint.body === EmptyJsonBodySchema) expect(body).toBeUndefined();
    else expect(body).toEqual(jsonSchema(endpoint.body, 'input'));
  });

  it.each(table)('%s answers success with the schema the route documents', (_, endpoint) => {
    const responses = operationOf(endpoint)?.responses ?? {};
    const success = Object.keys(responses).find((status) => status.startsWith('2'));
    expect(success).toBeDefined();
    const content = responses[success ?? '']?.content;
    if (endpoint.response === null) {
      expect(content?.['application/json']).toBeUndefined();
      return;
    }
    const schema = content?.['application/json']?.schema;
    expect(schema).toEqual(jsonSchema(endpoint.response, 'output'));
  });
});
