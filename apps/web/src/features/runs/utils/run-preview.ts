import {
  distanceBucketOf,
  routeDistanceKm,
  timeOfDayOfHour,
  type CreateRun,
  type RunSummary,
} from '@erun/contracts';
import { seoulParts } from '../../../lib/datetime.ts';
import type { RunFormValues } from './run-form.ts';

export type RunHost = RunSummary['host'];
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

/** The card of a run that does not exist yet, from the form's values (step 3 shows it before publishing). */
export function previewSummary(
  values: RunFormValues,
  payload: CreateRun,
  host: RunHost,
  /** The crew chosen in the form's crew section, shown on the card. */
  crew: RunSummary['crew'] = null,
  now: number = Date.now(),
): RunSummary {
  const startsAt = payload.startsAt || new Date(now).toISOString();
  const distanceKm = routeDistanceKm(values.route, values.segmentStarts);
  const capacity = Number.isFinite(payload.capacity) ? payload.capacity : 2;
  return {
    id: PREVIEW_ID,
    title: values.title.trim(),
    description: values.description,
    startsAt,
    endsAt: payload.endsAt || startsAt,
    meetAt: payload.meetAt || null,
    joinDeadline: payload.joinDeadline || startsAt,
    meetingPlace: payload.meetingPlace,
    capacity,
    theme: values.theme || 'city',
    region: values.region || 'seoul',
    timeOfDay: timeOfDayOfHour(Number(seoulParts(startsAt).hour)),
    distanceBucket: distanceBucketOf(distanceKm),
    paceSecPerKm: payload.paceSecPerKm ?? null,
    parking: payload.parking ?? null,
    baggage: payload.baggage ?? null,
    distanceKm,
    participantCount: 1,
    waitlistCount: 0,
    commentCount: 0,
    host,
    photos: values.photos,
    myStatus: 'joined',
    waitlistPosition: null,
    bookmarked: false,
    removedByHost: false,
    joinState: 'open',
    createdAt: new Date(now).toISOString(),
    crew,
    visibility: crew ? (payload.visibility ?? 'public') : 'public',
    guestSeats: crew ? (payload.guestSeats ?? null) : null,
    guestCount: 0,
    minAttendanceRate: payload.minAttendanceRate ?? null,
    coHosts: [],
    canManage: true,
    seriesId: null,
    occurrenceDate: null,
    cancelReason: null,
    womenOnly: payload.womenOnly ?? false,
    going: [{ id: host.id, nickname: host.nickname, avatar: host.avatar, runningLevel: host.runningLevel }],
    groupPaces: (payload.paceGroups ?? []).map((g) => g.paceSecPerKm).sort((a, b) => a - b),
  };
}
