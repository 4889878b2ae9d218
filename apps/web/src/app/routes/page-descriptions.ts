import type { Course, Crew, Run } from '@erun/contracts';
import type { TFunction } from 'i18next';
import { formatShortDateTime } from '../../lib/datetime.ts';
import { formatKm } from '../../lib/format.ts';

/** At most this many characters of a crew's own introduction (search results cut about there). */
const ABOUT_CHARS = 90;

/** The meta description of a run's page: when, where, how far, how full (as the server's link preview). */
export function runDescription(t: TFunction, run: Run, language: string): string {
  return t('seo.run', {
    when: formatShortDateTime(run.startsAt, language),
    place: run.meetingPlace.name,
    distance: formatKm(run.distanceKm),
    count: run.participantCount,
    capacity: run.capacity,
  });
}

/** A course's: distance, estimated time, where it starts and its rating. */
export function courseDescription(t: TFunction, course: Course): string {
  return t('seo.course', {
    distance: formatKm(course.distanceKm),
    minutes: course.estimatedMinutes,
    start: course.startPoint ? t('seo.courseStart', { place: course.startPoint.name }) : '',
    rating:
      course.rating.count > 0
        ? t('seo.courseRating', { average: course.rating.average.toFixed(1), count: course.rating.count })
        : '',
  });
}

/** A crew's: its regions and size, then the start of its own introduction on one line. */
export function crewDescription(t: TFunction, crew: Crew): string {
  const about = crew.description.replace(/\s+/g, ' ').trim();
  return t('seo.crew', {
    name: crew.name,
    regions: crew.regions.map((r) => t(`region.${r}`)).join(' · '),
    members: crew.memberCount,
    about: about.length > ABOUT_CHARS ? `${about.slice(0, ABOUT_CHARS - 1).trimEnd()}…` : about,
  }).trim();
}
