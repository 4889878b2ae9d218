import type { Course } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ShareActions } from '../../../../components/share-actions.tsx';
import { formatDuration, formatKm } from '../../../../lib/format.ts';

/** Sharing a course: its link, region, distance and time in the text, its first photo on the card. */
export function CourseShare({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const text = t('courseDetail.shareText', {
    region: t(`region.${course.region}`),
    km: formatKm(course.distanceKm),
    time: formatDuration(course.estimatedMinutes, i18n.language),
  });
  return (
    <ShareActions
      title={course.title}
      text={text}
      path={`/courses/${course.id}`}
      imageUrl={course.photos[0]?.urls.medium ?? '/favicon.svg'}
    />
  );
}
