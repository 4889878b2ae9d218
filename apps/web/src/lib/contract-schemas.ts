/**
 * The contracts' schemas that the entry's modules check answers and events with, fetched as a chunk of their own
 * by `loadContracts`. Not `import('@erun/contracts')`: the entry imports a few plain values from the contracts,
 * and the bundler inlines a dynamic import of a module that is also imported statically — zod and every schema
 * would be back in the first load.
 */
export {
  endpoints,
  ErrorBodySchema,
  RealtimeAckSchema,
  RealtimeEventSchemas,
  RefreshResponseSchema,
} from '@erun/contracts';
