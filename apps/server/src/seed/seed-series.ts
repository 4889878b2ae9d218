import {
  routeDistanceKm,
  RUN_LIMITS,
  SERIES_LIMITS,
  SeriesTemplateSchema,
  type Weekday,
} from '@erun/contracts';
import { timeOfDayOf } from '../modules/runs/run-rules.ts';
import { runSearchText } from '../lib/search-text.ts';
import { addDays, type ScheduleRule, seoulToday, startOf, windowDates } from '../modules/series/schedule.ts';
import type { Anchor } from './anchors.ts';
import { type Exec, insertRows, RUN_FIELD_COLUMNS } from './bulk.ts';
import { runDraft } from './generator.ts';
import type { Random } from './random.ts';

/** A seed crew, as the 정기런 step needs it. */
export interface SeedCrew {
  id: string;
  name: string;
  ownerId: string;
  /** Staff and members (not the owner). */
  memberIds: string[];
  days: Weekday[];
  time: string;
  spot: { name: string; lat: number; lng: number };
  anchor: Anchor;
  paceMin: number;
}

const DAY_NAMES: Record<Weekday, string> = {
  MO: '월',
  TU: '화',
  WE: '수',
  TH: '목',
  FR: '금',
  SA: '토',
  SU: '일',
};
const MINUTE = 60_000;

/**
 * 정기런 for three crews in five: weekly on the crew's usual days at its usual time, from its home spot, made by
 * its owner today; and their dates of the rolling window (today through today + 28 days, each starting at least
 * an hour ahead) as runs — exactly what `series.open-window` would have opened, so the job finds nothing to add.
 * Crew members have signed up for some of them. Returns how many series and occurrences were written.
 */
export async function insertSeedSeries(
  exec: Exec,
  rng: Random,
  crews: SeedCrew[],
  now: Date,
): Promise<{ series: number; occurrences: number }> {
  const seriesRows: unknown[][] = [];
  const runRows: unknown[][] = [];
  const participants: unknown[][] = [];
  const today = seoulToday(now);
  const through = addDays(today, SERIES_LIMITS.windowDays);
  crews.forEach((crew, i) => {
    if (i % 5 >= 3) return;
    const draft = runDraft(rng, { now, days: [1, 2], anchor: crew.anchor });
    const membersOnly = rng.chance(0.25);
    const capacity = Math.max(draft.capacity, 6);
    const days = crew.days.map((d) => DAY_NAMES[d]).join('·');
    const title = `${crew.name} ${days} 정기런`;
    const parsed = SeriesTemplateSchema.parse({
      title: title.length <= RUN_LIMITS.titleMax ? title : `${crew.name} 정기런`,
      description: `매주 ${days} ${crew.time}, ${crew.spot.name}에서 모여 함께 달려요. ${draft.description}`,
      meetingPlace: crew.spot,
      route: draft.route,
      capacity,
      theme: draft.theme,
      region: draft.region,
      paceSecPerKm: crew.paceMin + 30,
      parking: draft.parking,
      baggage: draft.baggage,
      durationMinutes: Math.max(
        SERIES_LIMITS.durationMin,
        Math.round((draft.endsAt.getTime() - draft.startsAt.getTime()) / MINUTE),
      ),
      meetLeadMinutes: rng.chance(0.5) ? 10 : null,
      crewId: crew.id,
      visibility: membersOnly ? 'crew' : 'public',
      guestSeats: !membersOnly && rng.chance(0.6) ? Math.min(capacity - 1, rng.int(2, 5)) : null,
    });
    const { crewId: _crewId, ...template } = parsed;
    const id = rng.uuid();
    const rule: ScheduleRule = {
      freq: 'weekly',
      interval: 1,
      byDay: crew.days,
      setPos: null,
      time: crew.time,
      from: today,
      until: null,
      count: null,
    };
    const at = now.toISOString();
    seriesRows.push([
      id,
      crew.ownerId,
      crew.id,
      JSON.stringify(template),
      rule.freq,
      rule.interval,
      JSON.stringify(rule.byDay),
      rule.time,
      rule.from,
      through,
      at,
      at,
    ]);
    for (const day of windowDates(rule, now, RUN_LIMITS.minLeadMs, through)) {
      const runId = rng.uuid();
      const startsAt = startOf(day, rule.time);
      const plus = (minutes: number) => new Date(startsAt.getTime() + minutes * MINUTE).toISOString();
      const runners = rng.sample(crew.memberIds, rng.int(0, Math.min(capacity - 1, crew.memberIds.length)));
      participants.push([runId, crew.ownerId, 'joined', at]);
      for (const userId of runners) participants.push([runId, userId, 'joined', at]);
      runRows.push([
        runId,
        crew.ownerId,
        template.title,
        template.description,
        startsAt.toISOString(),
        plus(template.durationMinutes),
        template.meetLeadMinutes != null ? plus(-template.meetLeadMinutes) : null,
        plus(-RUN_LIMITS.joinDeadlineLeadMs / MINUTE),
        template.meetingPlace.name,
        template.meetingPlace.lat,
        template.meetingPlace.lng,
        JSON.stringify(template.route),
        routeDistanceKm(template.route),
        template.capacity,
        template.theme,
        template.region,
        timeOfDayOf(startsAt),
        template.paceSecPerKm ?? null,
        template.parking ?? null,
        template.baggage ?? null,
        1 + runners.length,
        runSearchText({
          title: template.title,
          description: template.description,
          placeName: template.meetingPlace.name,
        }),
        crew.id,
        template.visibility,
        template.guestSeats,
        id,
        day,
        at,
        at,
      ]);
    }
  });
  await insertRows(exec, 'series', SERIES_COLUMNS, seriesRows);
  await insertRows(exec, 'runs', OCCURRENCE_COLUMNS, runRows);
  await insertRows(exec, 'run_participants', PARTICIPANT_COLUMNS, participants);
  return { series: seriesRows.length, occurrences: runRows.length };
}

/** The 정기런 of seed users and their occurrences (they would cascade with the users; said here plainly). */
export async function removeSeedSeries(exec: Exec, seedEmails: string): Promise<void> {
  const seeded = `select s.id from series s join users u on u.id = s.host_id where u.email like $1`;
  await exec(`delete from runs where series_id in (${seeded})`, [seedEmails]);
  await exec(`delete from series where id in (${seeded})`, [seedEmails]);
}

const SERIES_COLUMNS: [string, string, string?][] = [
  ['id', 'uuid'],
  ['host_id', 'uuid'],
  ['crew_id', 'uuid'],
  ['template', 'text', 'jsonb'],
  ['freq', 'text'],
  ['interval', 'int4'],
  ['by_day', 'text', 'jsonb'],
  ['time', 'text'],
  ['from_date', 'date'],
  ['opened_through', 'date'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const OCCURRENCE_COLUMNS: [string, string, string?][] = [
  ...RUN_FIELD_COLUMNS,
  ['search_text', 'text'],
  ['crew_id', 'uuid'],
  ['visibility', 'text'],
  ['guest_seats', 'int'],
  ['series_id', 'uuid'],
  ['occurrence_date', 'date'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const PARTICIPANT_COLUMNS: [string, string, string?][] = [
  ['run_id', 'uuid'],
  ['user_id', 'uuid'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
];
