import { AppConfigSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Env } from '../../config/env.ts';

/** Public settings for the web app: map tiles and the Kakao share key (a public JavaScript key). */
export const configRoutes: FastifyPluginAsyncZod<{ env: Env }> = async (app, { env }) => {
  const config = {
    tileUrl: env.MAP_TILE_URL,
    tileAttribution: env.MAP_TILE_ATTRIBUTION,
    kakaoJsKey: env.KAKAO_JS_KEY ?? null,
  };
  app.get('/config', { schema: { tags: ['config'], response: { 200: AppConfigSchema } } }, () => config);
};
