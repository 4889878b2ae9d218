import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The form of a multipart body, which Fastify does not validate (the handler reads it): documentation only. */
    multipartBody?: z.ZodObject;
  }
}

/** The name of the bearer-token scheme in the document; `authenticate` routes require it (authenticate.ts). */
export const BEARER_AUTH = 'bearerAuth';

/**
 * A response that is not JSON (a GPX or iCalendar file, an attachment): documented with its media type. Fastify
 * sends the handler's string as it is (it serializes only JSON), so the schema never runs.
 */
export function fileResponse(mediaType: string, description: string, schema: z.ZodType = z.string()) {
  return { description, content: { [mediaType]: { schema } } };
}

/** A redirect (no body); the serializer never runs. */
export function redirectResponse(description: string) {
  return z.null().describe(description);
}

/**
 * OpenAPI 3.1 generated from the zod contracts: `/api/openapi.json`, browsable at `/api/docs` (both served
 * when `docs` is on). 3.1 is JSON Schema 2020-12, so a nullable field is `anyOf [..., {type: null}]` and a
 * nullable enum accepts null (3.0's `nullable` does not add null to an `enum`).
 */
export async function registerOpenApi(app: FastifyInstance, options: { docs: boolean }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '이RUN 저RUN API',
        version: '1.0.0',
        description:
          'Operations marked with bearerAuth need `Authorization: Bearer <accessToken>` (from /api/auth/login, ' +
          '/api/auth/signup or /api/auth/refresh); the others accept a guest.',
      },
      servers: [{ url: '/', description: 'this server' }],
      components: {
        securitySchemes: { [BEARER_AUTH]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const route = input.route;
      const operation: Record<string, unknown> = { ...schema };
      operation.operationId ??= operationIdOf(route.method, url);
      const multipart = route.config?.multipartBody;
      if (multipart) {
        operation.body = z.toJSONSchema(multipart, { target: 'draft-2020-12', io: 'input' });
        delete (operation.body as Record<string, unknown>).$schema;
        operation.consumes = ['multipart/form-data'];
      }
      return { schema: operation, url };
    },
  });
  if (!options.docs) return;
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/** `GET /api/runs/:runId/gpx` → `getRunsRunIdGpx`: unique per operation, stable while the path is. */
function operationIdOf(method: RouteOptions['method'], url: string): string {
  const verb = (Array.isArray(method) ? method[0] : method) as string;
  const words = url
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return verb.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
