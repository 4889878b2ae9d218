import { ErrorBodySchema, PlaceSearchQuerySchema, PlaceSearchResultSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { PlacesService } from './places.service.ts';

export interface PlacesRoutesDeps {
  places: PlacesService;
  /** Searches per client IP (each may cost a call to Kakao Local). */
  limit: RateLimitHook;
}

const e = ErrorBodySchema;

export const placesRoutes: FastifyPluginAsyncZod<PlacesRoutesDeps> = async (app, { places, limit }) => {
  app.get(
    '/places',
    {
      schema: {
        tags: ['places'],
        summary: 'Places by name, district or 초성 (Kakao Local with a key, else the built-in list)',
        querystring: PlaceSearchQuerySchema,
        response: { 200: PlaceSearchResultSchema, 400: e, 429: e },
      },
      preHandler: limit,
    },
    (req) => places.search(req.query.q),
  );
};
