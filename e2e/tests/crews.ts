import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, type TestUser } from './fixtures.ts';
import { seoulDay } from './runs.ts';

// Crews and 정기런 made through the API, for the journeys that start from an existing crew (crews.spec.ts).

const auth = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

/** A crew name no other test uses (names are unique, both projects share one database). */
export function uniqueCrewName(base: string): string {
  return `${base} ${randomBytes(2).toString('hex')}`;
}

/** Days from today (Seoul) to the next `weekday` (0 Sunday … 6 Saturday), at least `min` days ahead. */
export function daysUntil(weekday: number, min = 1): number {
  for (let days = min; ; days += 1) {
    if (new Date(`${seoulDay(days)}T12:00:00Z`).getUTCDay() === weekday) return days;
  }
}

const BANPO = { name: '반포한강공원 달빛광장', lat: 37.5102, lng: 126.9959 };

export async function createCrewViaApi(
  request: APIRequestContext,
  owner: TestUser,
  input: { name: string; joinPolicy?: 'open' | 'approval' | 'invite'; questions?: string[] },
) {
  const response = await request.post('/api/crews', {
    headers: auth(owner),
    data: {
      name: input.name,
      description: '매주 화·목 저녁 반포에서 달려요.',
      regions: ['seoul'],
      homeSpot: BANPO,
      days: ['TU', 'TH'],
      time: '19:30',
      joinPolicy: input.joinPolicy ?? 'open',
      questions: input.questions ?? [],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

/** Joins an open crew (201 member). */
export async function joinCrewViaApi(request: APIRequestContext, crewId: string, user: TestUser) {
  const response = await request.post(`/api/crews/${crewId}/members`, { headers: auth(user), data: {} });
  expect(response.status(), await response.text()).toBe(201);
}

export interface Occurrence {
  id: string;
  title: string;
  startsAt: string;
  participantCount: number;
}

/** A weekly 정기런 of a crew (화·목 19:30, 90 minutes) from `fromDays` ahead; the occurrences it opened. */
export async function createSeriesViaApi(
  request: APIRequestContext,
  host: TestUser,
  input: { title: string; crewId: string; fromDays: number; capacity?: number },
) {
  const response = await request.post('/api/series', {
    headers: auth(host),
    data: {
      template: {
        title: input.title,
        description: '비 와도 달려요',
        meetingPlace: BANPO,
        route: [
          [37.5102, 126.9959],
          [37.5128, 126.9912],
          [37.5151, 126.9868],
        ],
        capacity: input.capacity ?? 10,
        theme: 'riverside',
        region: 'seoul',
        paceSecPerKm: 360,
        durationMinutes: 90,
        crewId: input.crewId,
        visibility: 'public',
      },
      schedule: {
        freq: 'weekly',
        interval: 1,
        byDay: ['TU', 'TH'],
        time: '19:30',
        from: seoulDay(input.fromDays),
        count: 8,
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { series: { id: string }; occurrences: Occurrence[] };
}

/** The upcoming dates of a 정기런, soonest first, as the API reports them to `user`. */
export async function seriesOccurrences(request: APIRequestContext, seriesId: string, user: TestUser) {
  const response = await request.get(`/api/series/${seriesId}`, { headers: auth(user) });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { upcoming: Occurrence[] };
  return [...body.upcoming].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The weekday (0 Sunday … 6 Saturday) of an instant, in Seoul. */
export function seoulWeekday(iso: string): number {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(iso));
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
