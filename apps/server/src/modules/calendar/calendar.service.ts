import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Run } from '@erun/contracts';
import { NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { CalendarRepository, CalendarRun } from './calendar.repository.ts';

const PAST_DAYS = 90;

/** .ics for one run ("add to calendar") and a personal feed that calendar apps subscribe to. */
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly getRun: (runId: string) => Promise<Run>,
    private readonly publicUrl: string,
    private readonly clock: Clock,
  ) {}

  async runIcs(runId: string): Promise<string> {
    const run = await this.getRun(runId);
    const calendar = ical({ name: '이RUN 저RUN', prodId: { company: 'erun', product: 'erun-jrun' } });
    calendar.method(ICalCalendarMethod.PUBLISH);
    this.addEvent(calendar, {
      id: run.id,
      title: run.title,
      description: run.description,
      startsAt: new Date(run.startsAt),
      endsAt: new Date(run.endsAt),
      placeName: run.meetingPlace.name,
      placeLat: run.meetingPlace.lat,
      placeLng: run.meetingPlace.lng,
      cancelledAt: run.joinState === 'cancelled' ? new Date() : null,
      updatedAt: new Date(),
      hostId: run.host.id,
    });
    return calendar.toString();
  }

  async feedUrl(userId: string, rotate: boolean): Promise<string> {
    return `${this.publicUrl}/api/calendar/${await this.repo.tokenOf(userId, rotate)}.ics`;
  }

  async feed(token: string): Promise<string> {
    const userId = await this.repo.userIdOfToken(token);
    if (!userId) throw new NotFoundError('CALENDAR_NOT_FOUND', 'No such calendar');
    const since = new Date(this.clock.now().getTime() - PAST_DAYS * 86_400_000);
    const calendar = ical({
      name: '이RUN 저RUN 러닝 일정',
      ttl: 3600,
      prodId: { company: 'erun', product: 'erun-jrun' },
    });
    for (const run of await this.repo.runsOf(userId, since)) this.addEvent(calendar, run);
    return calendar.toString();
  }

  private addEvent(calendar: ReturnType<typeof ical>, run: CalendarRun): void {
    calendar.createEvent({
      id: `${run.id}@erun-jrun`,
      // UTC instants: calendar apps show them in the viewer's zone (Asia/Seoul for our runners) without a VTIMEZONE block.
      start: run.startsAt,
      end: run.endsAt,
      summary: run.title,
      description: run.description,
      location: { title: run.placeName, geo: { lat: run.placeLat, lon: run.placeLng } },
      url: `${this.publicUrl}/runs/${run.id}`,
      status: run.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A higher sequence tells calendar apps that the event changed since they last read it.
      sequence: Math.floor(run.updatedAt.getTime() / 1000) % 2_000_000_000,
      lastModified: run.updatedAt,
    });
  }
}
