export * from './domain.ts';
export * from './errors.ts';
export * from './users.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './runs.ts';
export * from './geo.ts';
