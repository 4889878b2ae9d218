import { ErrorBodySchema, RunWeatherSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RunPlaceTime } from '../runs/index.ts';
import type { WeatherService } from './weather.service.ts';

export interface WeatherRoutesDeps {
  weather: WeatherService;
  /** The run's place and start for this caller, by the run page's rules (404 when they may not see it). */
  placeTime: (runId: string, viewerId: string | null) => Promise<RunPlaceTime>;
  identify: (request: FastifyRequest) => Promise<void>;
}

const RunParams = z.object({ runId: z.uuid({ message: 'runId.invalid' }) });
const e = ErrorBodySchema;

export const weatherRoutes: FastifyPluginAsyncZod<WeatherRoutesDeps> = async (app, deps) => {
  app.get(
    '/runs/:runId/weather',
    {
      schema: {
        tags: ['runs'],
        summary: "The forecast at the run's start time and place (null without a key or out of reach)",
        params: RunParams,
        response: { 200: RunWeatherSchema, 400: e, 404: e },
      },
      preHandler: deps.identify,
    },
    async (req) => {
      const run = await deps.placeTime(req.params.runId, req.userId);
      return { weather: await deps.weather.forecastForRun(run) };
    },
  );
};
