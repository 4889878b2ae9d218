import type {
  Image,
  MyOffer,
  Participant,
  Region,
  RunningLevel,
  RunSummary,
  RunVisibility,
  Theme,
  TimeOfDay,
} from '@erun/contracts';
import { bucketOf, joinStateOf } from './run-rules.ts';
import type { RunCard, ViewerState } from './runs.queries.ts';

const NO_VIEWER: ViewerState = {
  status: null,
  position: null,
  bookmarked: false,
  manages: false,
  crewMember: false,
};

/** A run row as the API shows it; `imageOf` turns upload ids into URLs. */
export function toRunSummary(
  run: Omit<RunCard, 'photoIds' | 'viewer'>,
  photoIds: string[],
  viewer: ViewerState | undefined,
  imageOf: (id: string) => Image,
  now: Date,
): RunSummary {
  return {
    id: run.id,
    title: run.title,
    description: run.description,
    startsAt: run.startsAt.toISOString(),
    endsAt: run.endsAt.toISOString(),
    meetAt: run.meetAt?.toISOString() ?? null,
    joinDeadline: run.joinDeadline.toISOString(),
    meetingPlace: { name: run.placeName, lat: run.placeLat, lng: run.placeLng },
    capacity: run.capacity,
    theme: run.theme as Theme,
    region: run.region as Region,
    timeOfDay: run.timeOfDay as TimeOfDay,
    distanceBucket: bucketOf(run.distanceKm),
    paceSecPerKm: run.paceSecPerKm,
    parking: run.parking,
    baggage: run.baggage,
    distanceKm: run.distanceKm,
    participantCount: run.participantCount,
    waitlistCount: run.waitlistCount,
    commentCount: run.commentCount,
    host: {
      id: run.host.id,
      nickname: run.host.nickname,
      bio: run.host.bio,
      runningLevel: run.host.runningLevel as RunningLevel | null,
      avatar: run.host.avatarId ? imageOf(run.host.avatarId) : null,
      goodRunnerScore: run.host.goodRunnerScore,
      runsHosted: run.host.runsHosted,
    },
    photos: photoIds.map(imageOf),
    ...viewerFields(viewer),
    joinState: joinStateOf(run, now),
    createdAt: run.createdAt.toISOString(),
    crew: run.crew
      ? { id: run.crew.id, name: run.crew.name, logo: run.crew.logoId ? imageOf(run.crew.logoId) : null }
      : null,
    visibility: run.visibility as RunVisibility,
    guestSeats: run.guestSeats,
    guestCount: run.guestCount,
    minAttendanceRate: run.minAttendanceRate,
    coHosts: run.coHosts.map((p) => toParticipant(p, imageOf)),
    seriesId: run.seriesId,
    occurrenceDate: run.occurrenceDate,
    cancelReason: run.cancelReason,
    womenOnly: run.womenOnly,
    going: run.going.map((p) => toParticipant(p, imageOf)),
    groupPaces: run.groupPaces,
  };
}

/** The fields of a run that depend on who asks; a guest's are all empty. */
export function viewerFields(
  viewer: ViewerState | undefined,
): Pick<RunSummary, 'myStatus' | 'waitlistPosition' | 'bookmarked' | 'removedByHost' | 'canManage'> {
  const v = viewer ?? NO_VIEWER;
  const myStatus = v.status === 'joined' || v.status === 'waitlisted' ? v.status : null;
  return {
    myStatus,
    waitlistPosition: myStatus === 'waitlisted' ? v.position : null,
    bookmarked: v.bookmarked,
    removedByHost: v.status === 'removed',
    canManage: v.manages,
  };
}

export function toParticipant(
  row: { id: string; nickname: string; avatarId: string | null; runningLevel: string | null },
  imageOf: (id: string) => Image,
): Participant {
  return {
    id: row.id,
    nickname: row.nickname,
    avatar: row.avatarId ? imageOf(row.avatarId) : null,
    runningLevel: row.runningLevel as RunningLevel | null,
  };
}

/**
 * The caller's seat offer on a run's page (issue 17): an open one while its window lasts (past it, until the
 * lapse job passes it on, it reads as lapsed); a lapsed one while the caller is out of the run (they left the
 * waitlist with it); else null.
 */
export function myOfferOf(viewer: ViewerState | undefined, now: Date): MyOffer | null {
  const offer = viewer?.offer;
  if (!offer) return null;
  const expires = new Date(offer.expiresAt);
  const expiresAt = expires.toISOString();
  if (offer.status === 'open') return { status: expires <= now ? 'lapsed' : 'open', expiresAt };
  const inRun = viewer.status === 'joined' || viewer.status === 'waitlisted';
  return offer.status === 'lapsed' && !inRun ? { status: 'lapsed', expiresAt } : null;
}
