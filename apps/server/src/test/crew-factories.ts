import type { Crew } from '@erun/contracts';
import type { FastifyInstance } from 'fastify';
import { bearer } from './factories.ts';

let counter = 0;

/** A valid crew body with a name no other test uses (names are unique). */
export function crewBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: `반포 러닝크루 ${Date.now().toString(36)}${counter}`,
    description: '매주 화요일과 목요일 저녁에 반포한강공원에서 함께 달려요.',
    regions: ['seoul'],
    homeSpot: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
    days: ['TU', 'TH'],
    time: '19:30',
    paceRange: { min: 330, max: 420 },
    level: '초보 환영',
    beginnerFriendly: true,
    joinPolicy: 'open',
    ...overrides,
  };
}

export async function newCrew(
  app: FastifyInstance,
  owner: { accessToken: string },
  overrides: Record<string, unknown> = {},
): Promise<Crew> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/crews',
    headers: bearer(owner),
    payload: crewBody(overrides),
  });
  if (response.statusCode !== 201)
    throw new Error(`create crew failed: ${response.statusCode} ${response.body}`);
  return response.json<Crew>();
}
