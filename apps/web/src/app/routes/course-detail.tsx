import type { Course } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { DownloadIcon, MapIcon, RunIcon } from '../../components/icons.tsx';
import { RouteMap } from '../../components/map/lazy.tsx';
import { PhotoGallery } from '../../components/photo-gallery.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { Comments } from '../../features/comments/components/comments.tsx';
import { courseKeys } from '../../features/courses/api/course-keys.ts';
import { useCourse } from '../../features/courses/api/get-course.ts';
import { CourseBookmarkButton } from '../../features/courses/components/bookmark-button.tsx';
import { AuthorActions } from '../../features/courses/components/course-detail/author-actions.tsx';
import { AuthorCard } from '../../features/courses/components/course-detail/author-card.tsx';
import {
  CourseFacts,
  CourseLogistics,
} from '../../features/courses/components/course-detail/course-facts.tsx';
import { CourseShare } from '../../features/courses/components/course-detail/course-share.tsx';
import { RatingSummary } from '../../features/courses/components/course-detail/rating-summary.tsx';
import { StarRating } from '../../features/courses/components/course-detail/star-rating.tsx';
import { RatingBadge } from '../../features/courses/components/rating-stars.tsx';
import { runDraftFromCourse, runDrafts } from '../../features/runs/utils/run-draft.ts';
import { ApiError } from '../../lib/api-error.ts';
import { useClientConfig } from '../../lib/app-config.ts';
import { formatKm } from '../../lib/format.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './course-detail.module.css';

export function CourseDetailPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const session = useSession();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  useDocumentTitle(course.data?.title ?? t('courses.title'));

  if (course.isPending) return <DetailSkeleton />;
  if (course.isError) {
    if (course.error instanceof ApiError && [400, 404].includes(course.error.status))
      return <CourseNotFound />;
    return (
      <div className={styles.page}>
        <FormAlert message={errorMessage(course.error)} />
      </div>
    );
  }
  return <CourseDetail course={course.data} viewerId={viewerId} />;
}

function CourseDetail({ course, viewerId }: { course: Course; viewerId: string | null }) {
  const { t } = useTranslation();
  const config = useClientConfig();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isAuthor = viewerId === course.author.id;
  const start = course.startPoint;

  // The run form reads its draft from sessionStorage: the course becomes that draft, then the form opens.
  const createRun = () => {
    runDrafts.save(runDraftFromCourse(course));
    void navigate('/runs/new', { state: { fromCourse: course.title } });
  };

  return (
    <div className={styles.page}>
      <div className={styles.layout}>
        <div className={styles.gallery}>
          <PhotoGallery
            photos={course.photos}
            label={t('courseDetail.photos', { title: course.title })}
            altOf={(n) => t('courseDetail.photoAlt', { title: course.title, n })}
          />
        </div>
        <div className={styles.side}>
          <div className={styles.summary}>
            <p className={styles.region}>
              {t(`region.${course.region}`)} · {t(`theme.${course.theme}`)}
            </p>
            <h1 className={styles.title}>{course.title}</h1>
            <p className={styles.ratingLine}>
              <RatingBadge rating={course.rating} />
              <span className={styles.muted}>{t('comments.count', { count: course.commentCount })}</span>
            </p>
            {isAuthor && <AuthorActions course={course} />}
            <CourseFacts course={course} />
            <div className={styles.socialRow}>
              <CourseBookmarkButton
                courseId={course.id}
                title={course.title}
                bookmarked={course.bookmarked}
                withLabel
              />
              <CourseShare course={course} />
            </div>
          </div>
          <div className={styles.ctaBar}>
            <Button size="lg" block onClick={createRun}>
              <RunIcon width={20} height={20} />
              {t('courseDetail.createRun')}
            </Button>
          </div>
        </div>
        <div className={styles.main}>
          <section className={styles.section} aria-labelledby="course-map">
            <h2 id="course-map" className={styles.sectionTitle}>
              {t('courseDetail.map')} <span className={styles.muted}>{formatKm(course.distanceKm)}</span>
            </h2>
            <RouteMap
              className={styles.map}
              route={course.route}
              meetingPoint={start ? [start.lat, start.lng] : null}
              tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
              label={t('courseDetail.mapLabel', { km: formatKm(course.distanceKm) })}
              labels={{ start: t('map.start'), finish: t('map.finish'), meeting: t('map.meeting') }}
            />
            <a href={`/api/courses/${course.id}/gpx`} download className={styles.gpx}>
              <DownloadIcon width={18} height={18} />
              {t('courseDetail.gpx')}
            </a>
          </section>

          <section className={styles.section} aria-labelledby="course-rating">
            <h2 id="course-rating" className={styles.sectionTitle}>
              {t('courseDetail.rating.title')}
            </h2>
            <RatingSummary rating={course.rating} histogram={course.histogram} />
            <StarRating
              key={`${course.id}:${viewerId ?? ''}`}
              courseId={course.id}
              value={course.myRating}
              viewer={isAuthor ? 'author' : viewerId === null ? 'guest' : 'rater'}
            />
          </section>

          <section className={styles.section} aria-labelledby="course-logistics">
            <h2 id="course-logistics" className={styles.sectionTitle}>
              {t('courseDetail.logistics.title')}
            </h2>
            <CourseLogistics course={course} />
          </section>

          <section className={styles.section} aria-labelledby="course-about">
            <h2 id="course-about" className={styles.sectionTitle}>
              {t('courseDetail.about')}
            </h2>
            {course.description ? (
              <p className={styles.description}>{course.description}</p>
            ) : (
              <p className={styles.muted}>{t('courseDetail.noDescription')}</p>
            )}
          </section>

          <section className={styles.section} aria-labelledby="course-author">
            <h2 id="course-author" className={styles.sectionTitle}>
              {t('courseDetail.author.title')}
            </h2>
            <AuthorCard author={course.author} />
          </section>

          <Comments
            target={{ kind: 'courses', id: course.id }}
            ownerId={course.author.id}
            viewerId={viewerId}
            count={course.commentCount}
            onChange={() => void queryClient.invalidateQueries({ queryKey: courseKeys.detail(course.id) })}
          />
        </div>
      </div>
    </div>
  );
}

function CourseNotFound() {
  const { t } = useTranslation();
  return (
    <div className={styles.page}>
      <EmptyState
        icon={<MapIcon />}
        title={t('courseDetail.notFound.title')}
        description={t('courseDetail.notFound.description')}
        action={
          <ButtonLink to="/courses" variant="secondary">
            {t('courseDetail.notFound.back')}
          </ButtonLink>
        }
      />
    </div>
  );
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={styles.page} role="status" aria-busy="true" aria-label={t('shell.loading')}>
      <Skeleton className={styles.skeletonPhoto} />
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonLine} />
    </div>
  );
}
