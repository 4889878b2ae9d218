import { routeIssues } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { HAN_RIVER_ROUTE } from '../test/factories.ts';
import { ANCHORS } from './anchors.ts';
import { runDraft } from './generator.ts';
import { Random } from './random.ts';

describe('seed and demo routes are routes a group can run (the shared route rule)', () => {
  it('every anchor path and the test factories route pass', () => {
    for (const anchor of ANCHORS) expect(routeIssues(anchor.path), anchor.name).toEqual([]);
    expect(routeIssues(HAN_RIVER_ROUTE)).toEqual([]);
  });

  it('1,000 generated runs pass', () => {
    const rng = new Random(12);
    for (let i = 0; i < 1000; i++) {
      const draft = runDraft(rng, { now: new Date('2026-12-01T00:00:00Z'), days: [-30, 30] });
      expect(routeIssues(draft.route), draft.title).toEqual([]);
    }
  });
});
