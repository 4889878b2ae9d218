import { COURSE_LIMITS, type Course } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatKm, formatPace } from '../../../../lib/format.ts';
import { type Fact, FactList } from '../../../../components/detail-page/fact-list.tsx';
import { NoteList } from '../../../../components/detail-page/note-list.tsx';

/** Distance, the estimated time and the pace it assumes, where it starts, how often it was seen and saved. */
export function CourseFacts({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const pace = formatPace(course.paceSecPerKm ?? COURSE_LIMITS.defaultPaceSecPerKm);
  // [term, value, spans the whole row]
  const rows: Fact[] = [
    [t('courseDetail.facts.distance'), formatKm(course.distanceKm), false],
    [
      t('courseDetail.facts.region'),
      `${t(`region.${course.region}`)} · ${t(`theme.${course.theme}`)}`,
      false,
    ],
    [
      t('courseDetail.facts.time'),
      `${formatDuration(course.estimatedMinutes, i18n.language)} · ${t('courseDetail.facts.atPace', { pace })}`,
      true,
    ],
    ...(course.startPoint ? [[t('courseDetail.facts.start'), course.startPoint.name, true] as Fact] : []),
    [
      t('courseDetail.facts.popularity'),
      t('courseDetail.facts.popularityValue', { views: course.views, bookmarks: course.bookmarkCount }),
      true,
    ],
  ];
  return <FactList facts={rows} />;
}

/** Parking, bags, toilets and water, each with "no information" when the author left it out. */
export function CourseLogistics({ course }: { course: Course }) {
  const { t } = useTranslation();
  const notes = [
    [t('courseDetail.logistics.parking'), course.parking],
    [t('courseDetail.logistics.baggage'), course.baggage],
    [t('courseDetail.logistics.toilets'), course.toilets],
    [t('courseDetail.logistics.water'), course.water],
  ] as const;
  return <NoteList notes={notes} none={t('courseDetail.logistics.none')} muteMissing />;
}
