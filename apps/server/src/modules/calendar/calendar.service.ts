import { createHash, createHmac, randomBytes } from 'node:crypto';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { stripForbiddenChars } from '@erun/contracts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { CrewAccessService } from '../crews/index.ts';
import type { UsersService } from '../users/users.service.ts';
import type { CalendarRepository, CalendarRun } from './calendar.repository.ts';

const PAST_DAYS = 90;
const CREW_PAST_DAYS = 30;
const ALARM_BEFORE_SEC = 3600;
const PROD_ID = { company: 'erun', product: 'erun-jrun' };

/**
 * .ics for one run ("add to calendar") and a personal feed that calendar apps subscribe to. An event is
 * written from the run's row alone, so the same run gives the same bytes in both, download after download,
 * until it is edited or cancelled: SEQUENCE is the run's version, LAST-MODIFIED and DTSTAMP its last change
 * (RFC 5545 3.8.7.2: without METHOD, DTSTAMP is when the information was last revised).
 */
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    /** The run as its page shows it: a run nobody may see is not in a calendar either. */
    private readonly getRun: (runId: string, readerId: string | null) => Promise<unknown>,
    private readonly publicUrl: string,
    private readonly clock: Clock,
    private readonly users: UsersService,
    /** Crew feeds: who may see or rotate them, and the server key their addresses are derived with. */
    private readonly crews: { access: CrewAccessService; key: string },
  ) {}

  async runIcs(runId: string, readerId: string | null = null): Promise<string> {
    await this.getRun(runId, readerId);
    const run = await this.repo.run(runId);
    if (!run) throw runNotFound();
    return this.write('이RUN 저RUN', [run]);
  }

  async feedUrl(userId: string, rotate: boolean): Promise<string> {
    let token = await this.repo.tokenOf(userId);
    if (!token || rotate) {
      token = randomBytes(24).toString('base64url');
      await this.users.setCalendarToken(userId, token);
    }
    return `${this.publicUrl}/api/calendar/${token}.ics`;
  }

  async feed(token: string): Promise<string> {
    const userId = await this.repo.userIdOfToken(token);
    if (!userId) throw new NotFoundError('CALENDAR_NOT_FOUND', 'No such calendar');
    const since = new Date(this.clock.now().getTime() - PAST_DAYS * 86_400_000);
    return this.write('이RUN 저RUN 러닝 일정', await this.repo.runsOf(userId, since), 3600);
  }

  /**
   * The address of a crew's feed, for its members; staff may rotate it. Only the token's hash is stored, so
   * the token is derived (HMAC of the server key, the crew and the feed row's time): every member is given the
   * same address until a rotation writes a new time.
   */
  async crewFeedUrl(crewId: string, userId: string, rotate: boolean): Promise<string> {
    if ((await this.repo.crewName(crewId)) === undefined)
      throw new NotFoundError('CREW_NOT_FOUND', 'Crew not found');
    if (rotate) await this.crews.access.requireStaff(crewId, userId);
    else if (!(await this.crews.access.isMember(crewId, userId)))
      throw new ForbiddenError('NOT_CREW_MEMBER', 'Only the crew’s members can do this');
    let feed = await this.repo.crewFeed(crewId);
    if (rotate || !feed) {
      // A new time, even within the same millisecond as the last rotation: a new address.
      const now = this.clock.now();
      const at = feed && now <= feed.createdAt ? new Date(feed.createdAt.getTime() + 1) : now;
      const hash = hashOf(this.crewToken(crewId, at));
      if (feed) await this.repo.replaceCrewFeed(crewId, hash, at);
      else await this.repo.createCrewFeed(crewId, hash, at);
      // Read back: of two first calls at once, the row that was stored first is everyone's.
      feed = await this.repo.crewFeed(crewId);
      if (!feed) throw new NotFoundError('CREW_NOT_FOUND', 'Crew not found');
    }
    const token = this.crewToken(crewId, feed.createdAt);
    // The server key changed since the feed was made: the stored hash is brought in line (a new address).
    if (hashOf(token) !== feed.tokenHash)
      await this.repo.replaceCrewFeed(crewId, hashOf(token), feed.createdAt);
    return `${this.publicUrl}/api/calendar/crews/${token}.ics`;
  }

  /** Every crew run not cancelled from 30 days ago on, members-only ones too. */
  async crewFeed(token: string): Promise<string> {
    const crew = await this.repo.crewOfFeed(hashOf(token));
    if (!crew) throw new NotFoundError('CALENDAR_NOT_FOUND', 'No such calendar');
    const since = new Date(this.clock.now().getTime() - CREW_PAST_DAYS * 86_400_000);
    const name = `${stripForbiddenChars(crew.name)} 러닝 일정`;
    return this.write(name, await this.repo.runsOfCrew(crew.id, since), 3600);
  }

  private crewToken(crewId: string, at: Date): string {
    return createHmac('sha256', this.crews.key)
      .update(`crew-calendar:${crewId}:${at.toISOString()}`)
      .digest()
      .subarray(0, 24)
      .toString('base64url');
  }

  private write(name: string, runs: CalendarRun[], ttl?: number): string {
    const calendar = ical({ name, prodId: PROD_ID, ...(ttl ? { ttl } : {}) });
    for (const run of runs) this.addEvent(calendar, run);
    // ical-generator ends the last line without CRLF; RFC 5545 ends every content line with one.
    return `${calendar.toString()}\r\n`;
  }

  private addEvent(calendar: ReturnType<typeof ical>, run: CalendarRun): void {
    // Input is refused with control characters since issue 12; rows stored before may still hold some.
    const title = stripForbiddenChars(run.title);
    const event = calendar.createEvent({
      id: `${run.id}@erun-jrun`,
      // UTC instants: calendar apps show them in the viewer's zone (Asia/Seoul for our runners) without a VTIMEZONE block.
      start: run.startsAt,
      end: run.endsAt,
      summary: title,
      description: stripForbiddenChars(run.description),
      location: {
        title: stripForbiddenChars(run.placeName),
        geo: { lat: run.placeLat, lon: run.placeLng },
      },
      url: `${this.publicUrl}/runs/${run.id}`,
      status: run.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: run.version,
      created: run.createdAt,
      lastModified: run.updatedAt,
      stamp: run.updatedAt,
    });
    if (!run.cancelledAt) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: ALARM_BEFORE_SEC, description: title });
    }
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
