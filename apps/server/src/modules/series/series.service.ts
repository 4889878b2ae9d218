import {
  type CreateSeriesSchema,
  type CreatedSeries,
  type ErrorIssue,
  type Run,
  RUN_LIMITS,
  type RunSummary,
  type Series,
  SERIES_LIMITS,
  type SeriesPage,
  SeriesTemplateSchema,
  type SeriesTemplate,
  type UpdateSeries,
  type Weekday,
} from '@erun/contracts';
import type { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { CrewAccessService } from '../crews/crew-access.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { NewOccurrence, RunsService } from '../runs/runs.service.ts';
import type { UsersService } from '../users/users.service.ts';
import { addDays, hasFutureDate, type ScheduleRule, seoulToday, startOf, windowDates } from './schedule.ts';
import type { SeriesRepository, SeriesRow } from './series.repository.ts';

type RunsPort = Pick<
  RunsService,
  'openOccurrences' | 'updateOccurrence' | 'cancelOccurrence' | 'rowOf' | 'get'
>;
type CrewAccessPort = Pick<CrewAccessService, 'requireStaff' | 'isStaff' | 'isMember'>;
/** The template as stored: everything but the crew (a column of its own). */
type StoredTemplate = Omit<SeriesTemplate, 'crewId'>;
type ParsedCreate = z.output<typeof CreateSeriesSchema>;

const LEAD = RUN_LIMITS.minLeadMs;
const MINUTE = 60_000;

export const seriesNotFound = () => new NotFoundError('SERIES_NOT_FOUND', 'Series not found');

/**
 * 정기런 (DOMAIN.md "Series"): a template and a schedule whose occurrences are ordinary runs, opened for a
 * rolling window of 28 days — at creation in the same transaction, then by the hourly `series.open-window` job.
 */
export class SeriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SeriesRepository,
    private readonly runs: RunsPort,
    private readonly crewAccess: CrewAccessPort,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
    private readonly users: Pick<UsersService, 'getPublic' | 'requireWomen'>,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, parsed: ParsedCreate): Promise<CreatedSeries> {
    const now = this.clock.now();
    const template = parsed.fromRunId ? await this.templateOfRun(parsed.fromRunId, userId) : parsed.template;
    if (!template) throw invalid('template', 'series.templateOrRun');
    if (template.crewId) await this.crewAccess.requireStaff(template.crewId, userId);
    // A 여성 전용 정기런's runs are hosted by a woman, as a 여성 전용 run is (403 WOMEN_ONLY).
    if (template.womenOnly) await this.users.requireWomen([userId]);
    const s = parsed.schedule;
    if (s.from < seoulToday(now)) throw invalid('schedule.from', 'schedule.from.past');
    const rule: ScheduleRule = {
      freq: s.freq,
      interval: s.interval,
      byDay: s.byDay,
      setPos: s.freq === 'monthly' ? (s.setPos ?? null) : null,
      time: s.time,
      from: s.from,
      until: s.until ?? null,
      count: s.count ?? null,
    };
    if (!hasFutureDate(rule, now, LEAD)) throw invalid('schedule', 'schedule.empty');
    const { crewId, ...stored } = template;
    const windowEnd = addDays(seoulToday(now), SERIES_LIMITS.windowDays);
    const { row, opened } = await this.uow.run(async (tx) => {
      const created = await this.repo.create(tx, {
        hostId: userId,
        crewId: crewId ?? null,
        template: stored,
        freq: rule.freq,
        interval: rule.interval,
        byDay: [...rule.byDay],
        bySetPos: rule.setPos,
        time: rule.time,
        fromDate: rule.from,
        untilDate: rule.until,
        count: rule.count,
        openedThrough: windowEnd,
        createdAt: now,
        updatedAt: now,
      });
      const runs = await this.open(tx, created, windowDates(rule, now, LEAD, windowEnd), now);
      return { row: created, opened: runs };
    });
    return {
      series: await this.present(row, userId),
      occurrences: await this.summaries(
        opened.map((r) => r.id),
        userId,
      ),
    };
  }

  /** The series page: its schedule and what is coming. A members-only crew series is hidden from others. */
  async get(seriesId: string, viewerId: string | null): Promise<SeriesPage> {
    const row = await this.repo.find(seriesId);
    if (!row) throw seriesNotFound();
    const template = templateOf(row);
    if (
      template.visibility === 'crew' &&
      row.crewId &&
      viewerId !== row.hostId &&
      !(await this.crewAccess.isMember(row.crewId, viewerId))
    )
      throw seriesNotFound();
    const upcoming = await this.repo.upcomingRunIds(seriesId, this.clock.now());
    return {
      series: await this.present(row, viewerId),
      upcoming: await this.summaries(
        upcoming.map((r) => r.id),
        viewerId,
      ),
    };
  }

  /**
   * "This and following": the template (and/or start time) changes from `from` on. Dates before it keep the
   * old template (opened now if the window has not reached them); occurrences from it on take the new values —
   * rebuilt when only the host is in, updated with their runners told otherwise.
   */
  async update(seriesId: string, userId: string, input: UpdateSeries): Promise<SeriesPage> {
    const now = this.clock.now();
    const today = seoulToday(now);
    if (input.from < today) throw invalid('from', 'series.from.past');
    if (input.from > addDays(today, SERIES_LIMITS.editAheadDays)) throw invalid('from', 'series.from.tooFar');
    await this.uow.run(async (tx) => {
      const row = await this.managed(tx, seriesId, userId);
      const rule = ruleOf(row);
      const before = addDays(input.from, -1);
      if (before > (row.openedThrough ?? '')) {
        await this.open(tx, row, windowDates(rule, now, LEAD, before), now);
      }
      const { time, ...changes } = input.changes;
      const merged = SeriesTemplateSchema.safeParse({ ...templateOf(row), crewId: row.crewId, ...changes });
      if (!merged.success) {
        const issues: ErrorIssue[] = merged.error.issues.map((i) => ({
          path: ['body', 'changes', ...i.path.map(String)],
          code: 'custom',
          message: i.message,
        }));
        throw new ValidationError('The changed template is not a valid run', issues);
      }
      const { crewId: _crewId, ...stored } = merged.data;
      if (changes.womenOnly) await this.users.requireWomen([row.hostId], tx);
      const newTime = time ?? row.time;
      await this.repo.update(tx, seriesId, {
        template: stored,
        time: newTime,
        openedThrough: before > (row.openedThrough ?? '') ? before : row.openedThrough,
        updatedAt: now,
      });
      const following = await this.repo.upcomingRunIds(seriesId, now, input.from, tx);
      for (const occurrence of following) {
        const times = timesOf(stored, occurrence.occurrenceDate, newTime);
        await this.runs.updateOccurrence(
          tx,
          occurrence.id,
          {
            title: stored.title,
            description: stored.description,
            meetingPlace: stored.meetingPlace,
            route: stored.route,
            segmentStarts: stored.segmentStarts,
            capacity: stored.capacity,
            theme: stored.theme,
            region: stored.region,
            paceSecPerKm: stored.paceSecPerKm ?? null,
            parking: stored.parking ?? null,
            baggage: stored.baggage ?? null,
            startsAt: times.startsAt.toISOString(),
            endsAt: times.endsAt.toISOString(),
            meetAt: times.meetAt?.toISOString() ?? null,
            joinDeadline: times.joinDeadline.toISOString(),
            visibility: stored.visibility,
            womenOnly: stored.womenOnly,
            minAttendanceRate: stored.minAttendanceRate ?? null,
            // Only a change of the groups touches them: a run's own groups ("this run") stay otherwise.
            ...(changes.paceGroups !== undefined ? { paceGroups: stored.paceGroups ?? null } : {}),
          },
          now,
        );
      }
    });
    return this.get(seriesId, userId);
  }

  /**
   * A crew is being deleted (inside its unit of work, after its runs ahead were cancelled): its series end
   * too, so their pages say so and nobody may edit them back to life.
   */
  endCrewSeries(tx: Tx, crewId: string, now: Date): Promise<number> {
    return this.repo.endOfCrew(tx, crewId, now);
  }

  /** Ends the series: no more dates open, and its occurrences still ahead are cancelled (runners told). */
  async end(seriesId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      await this.managed(tx, seriesId, userId);
      await this.repo.update(tx, seriesId, { endedAt: now, updatedAt: now });
      for (const occurrence of await this.repo.upcomingRunIds(seriesId, now, undefined, tx)) {
        await this.runs.cancelOccurrence(tx, occurrence.id, now);
      }
    });
  }

  /**
   * The `series.open-window` job: every running series' dates through today + 28 days (Asia/Seoul). Safe to run
   * on any number of workers at once: (series, date) is unique, each worker inserts only what nobody has, and
   * only the inserter of an occurrence tells the crew (series_opened). Returns how many occurrences it opened.
   */
  async openWindow(): Promise<number> {
    let opened = 0;
    for (const id of await this.repo.openIds()) {
      opened += await this.uow.run(async (tx) => {
        const row = await this.repo.lock(tx, id);
        if (!row || row.endedAt) return 0;
        if (row.crewId && (await this.repo.crewDeleted(tx, row.crewId))) return 0;
        const now = this.clock.now();
        const through = addDays(seoulToday(now), SERIES_LIMITS.windowDays);
        const runs = await this.open(tx, row, windowDates(ruleOf(row), now, LEAD, through), now);
        if (through > (row.openedThrough ?? '')) await this.repo.update(tx, id, { openedThrough: through });
        if (row.crewId && runs.length > 0) {
          const members = await this.repo.crewMemberIds(tx, row.crewId, row.hostId);
          await this.notifications.notify(
            tx,
            runs.flatMap((run) =>
              members.map((userId) => ({
                userId,
                category: 'series_opened' as const,
                runId: run.id,
                data: { title: run.title, date: run.occurrenceDate ?? '' },
                link: `/runs/${run.id}`,
              })),
            ),
          );
        }
        return runs.length;
      });
    }
    return opened;
  }

  /** Opens the given dates of a series with its current template (dates already open are left alone). */
  private open(tx: Tx, row: SeriesRow, dates: string[], now: Date) {
    const template = templateOf(row);
    const occurrences: NewOccurrence[] = dates.map((day) => ({
      seriesId: row.id,
      occurrenceDate: day,
      hostId: row.hostId,
      crewId: row.crewId,
      visibility: template.visibility,
      template: { ...template, segmentStarts: template.segmentStarts ?? [] },
      ...timesOf(template, day, row.time),
      now,
    }));
    return this.runs.openOccurrences(tx, occurrences);
  }

  /** The locked series, if the caller may change it (its host, or staff of its crew) and it still runs. */
  private async managed(tx: Tx, seriesId: string, userId: string): Promise<SeriesRow> {
    const row = await this.repo.lock(tx, seriesId);
    if (!row) throw seriesNotFound();
    if (row.hostId !== userId) {
      if (row.crewId) await this.crewAccess.requireStaff(row.crewId, userId);
      else throw new ForbiddenError('NOT_HOST', 'Only the host can change this series');
    }
    if (row.endedAt) throw new ConflictError('SERIES_ENDED', 'This series has ended');
    return row;
  }

  /** "Run again": the template of a run the caller hosts (its times become durations). */
  private async templateOfRun(runId: string, userId: string): Promise<SeriesTemplate> {
    const run = await this.runs.rowOf(runId);
    if (run.hostId !== userId) throw new ForbiddenError('NOT_HOST', 'Only the host can repeat this run');
    const { paceGroups } = await this.runs.get(runId, userId);
    const minutes = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / MINUTE);
    const parsed = SeriesTemplateSchema.safeParse({
      title: run.title,
      description: run.description,
      meetingPlace: { name: run.placeName, lat: run.placeLat, lng: run.placeLng },
      route: run.route,
      segmentStarts: run.segmentStarts,
      capacity: run.capacity,
      theme: run.theme,
      region: run.region,
      paceSecPerKm: run.paceSecPerKm,
      parking: run.parking,
      baggage: run.baggage,
      durationMinutes: Math.max(SERIES_LIMITS.durationMin, minutes(run.startsAt, run.endsAt)),
      meetLeadMinutes: run.meetAt
        ? Math.min(SERIES_LIMITS.meetLeadMax, minutes(run.meetAt, run.startsAt))
        : null,
      joinDeadlineLeadMinutes: Math.min(
        SERIES_LIMITS.joinDeadlineLeadMax,
        minutes(run.joinDeadline, run.startsAt),
      ),
      crewId: run.crewId,
      visibility: run.visibility,
      minAttendanceRate: run.minAttendanceRate,
      womenOnly: run.womenOnly,
      paceGroups:
        paceGroups.length > 0
          ? paceGroups.map((g) => ({ paceSecPerKm: g.paceSecPerKm, capacity: g.capacity }))
          : null,
    });
    if (!parsed.success) throw invalid('fromRunId', 'series.runNotRepeatable');
    return parsed.data;
  }

  private async present(row: SeriesRow, viewerId: string | null): Promise<Series> {
    const template = templateOf(row);
    const [host, crewName] = await Promise.all([
      this.users.getPublic(row.hostId),
      row.crewId ? this.repo.crewName(row.crewId) : null,
    ]);
    const canManage =
      viewerId !== null &&
      (viewerId === row.hostId ||
        (row.crewId !== null && (await this.crewAccess.isStaff(row.crewId, viewerId))));
    return {
      id: row.id,
      host: { id: host.id, nickname: host.nickname, avatar: host.avatar },
      crewId: row.crewId,
      crew: row.crewId && crewName !== null ? { id: row.crewId, name: crewName } : null,
      schedule: ruleOf(row),
      template: {
        title: template.title,
        description: template.description,
        placeName: template.meetingPlace.name,
        capacity: template.capacity,
        theme: template.theme,
        region: template.region,
        paceSecPerKm: template.paceSecPerKm ?? null,
        durationMinutes: template.durationMinutes,
        visibility: template.visibility,
        // Templates stored before 여성 전용 existed have no flag: such a series is not one.
        womenOnly: template.womenOnly ?? false,
        paceGroups: [...(template.paceGroups ?? [])].sort((a, b) => a.paceSecPerKm - b.paceSecPerKm),
      },
      ended: row.endedAt !== null,
      endedAt: row.endedAt?.toISOString() ?? null,
      canManage,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Occurrences as run cards, for the caller (one the caller may not see is left out). */
  private async summaries(runIds: string[], viewerId: string | null): Promise<RunSummary[]> {
    const runs = await Promise.all(
      runIds.map((id) => this.runs.get(id, viewerId).catch((error: unknown) => notFoundAsNull(error))),
    );
    return runs.filter((r): r is Run => r !== null).map(toSummary);
  }
}

function toSummary(run: Run): RunSummary {
  const { route: _route, segmentStarts: _segmentStarts, participants: _participants, ...summary } = run;
  return summary;
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}

function templateOf(row: SeriesRow): StoredTemplate {
  return row.template as unknown as StoredTemplate;
}

/** The stored rule, as the API shows it and as the schedule maths reads it. */
function ruleOf(row: SeriesRow): Series['schedule'] {
  return {
    freq: row.freq as Series['schedule']['freq'],
    interval: row.interval,
    byDay: row.byDay as Weekday[],
    setPos: row.bySetPos,
    time: row.time,
    from: row.fromDate,
    until: row.untilDate,
    count: row.count,
  };
}

/** An occurrence's times: the start on that day in Asia/Seoul, the rest from the template's durations. */
function timesOf(template: StoredTemplate, day: string, time: string) {
  const startsAt = startOf(day, time);
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * MINUTE);
  return {
    startsAt,
    endsAt: at(template.durationMinutes),
    meetAt: template.meetLeadMinutes != null ? at(-template.meetLeadMinutes) : null,
    joinDeadline:
      template.joinDeadlineLeadMinutes != null
        ? at(-template.joinDeadlineLeadMinutes)
        : new Date(startsAt.getTime() - RUN_LIMITS.joinDeadlineLeadMs),
  };
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError('The series is not valid', [
    { path: ['body', ...path.split('.')], code: 'custom', message },
  ]);
}
