import type { Course } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button.tsx';
import {
  Description,
  DetailLayout,
  DetailSection,
  DetailQueryPage,
  detailStyles,
  RouteSection,
} from '../../components/detail-page/detail-page.tsx';
import { DownloadIcon, RunIcon } from '../../components/icons.tsx';
import { PhotoGallery } from '../../components/photo-gallery.tsx';
import { ReportButton, reportCommentAction } from '../../features/reports/components/report-button.tsx';
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
import { formatKm } from '../../lib/format.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { courseDescription } from './page-descriptions.ts';
import { useSession } from '../use-session.ts';
import styles from './course-detail.module.css';

export function CourseDetailPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const session = useSession();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  useDocumentTitle(course.data?.title ?? t('courses.title'));
  useDocumentDescription(course.data ? courseDescription(t, course.data) : undefined);

  return (
    <DetailQueryPage query={course} kind="courseDetail" listPath="/courses">
      {(data) => <CourseDetail course={data} viewerId={viewerId} />}
    </DetailQueryPage>
  );
}

function CourseDetail({ course, viewerId }: { course: Course; viewerId: string | null }) {
  const { t } = useTranslation();
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
    <DetailLayout
      gallery={
        <PhotoGallery
          photos={course.photos}
          label={t('courseDetail.photos', { title: course.title })}
          altOf={(n) => t('courseDetail.photoAlt', { title: course.title, n })}
        />
      }
      summary={
        <>
          <p className={styles.region}>
            {t(`region.${course.region}`)} · {t(`theme.${course.theme}`)}
          </p>
          <h1 className={detailStyles.title}>{course.title}</h1>
          <p className={styles.ratingLine}>
            <RatingBadge rating={course.rating} />
            <span className={detailStyles.muted}>{t('comments.count', { count: course.commentCount })}</span>
          </p>
          {isAuthor && <AuthorActions course={course} />}
          <CourseFacts course={course} />
          <div className={detailStyles.socialRow}>
            <CourseBookmarkButton
              courseId={course.id}
              title={course.title}
              bookmarked={course.bookmarked}
              withLabel
            />
            <CourseShare course={course} />
            {viewerId !== null && !isAuthor && <ReportButton targetType="course" targetId={course.id} />}
          </div>
        </>
      }
      bar={(className) => (
        <div className={className}>
          <Button size="lg" block onClick={createRun}>
            <RunIcon width={20} height={20} />
            {t('courseDetail.createRun')}
          </Button>
        </div>
      )}
    >
      <RouteSection
        id="course-map"
        title={t('courseDetail.map')}
        distanceKm={course.distanceKm}
        route={course.route}
        meetingPoint={start ? [start.lat, start.lng] : null}
        mapLabel={t('courseDetail.mapLabel', { km: formatKm(course.distanceKm) })}
        gpx={{
          href: `/api/courses/${course.id}/gpx`,
          label: t('courseDetail.gpx'),
          icon: <DownloadIcon width={18} height={18} />,
        }}
      />

      <DetailSection id="course-rating" title={t('courseDetail.rating.title')}>
        <RatingSummary rating={course.rating} histogram={course.histogram} />
        <StarRating
          key={`${course.id}:${viewerId ?? ''}`}
          courseId={course.id}
          value={course.myRating}
          viewer={isAuthor ? 'author' : viewerId === null ? 'guest' : 'rater'}
        />
      </DetailSection>

      <DetailSection id="course-logistics" title={t('courseDetail.logistics.title')}>
        <CourseLogistics course={course} />
      </DetailSection>

      <DetailSection id="course-about" title={t('courseDetail.about')}>
        <Description text={course.description} empty={t('courseDetail.noDescription')} />
      </DetailSection>

      <DetailSection id="course-author" title={t('courseDetail.author.title')}>
        <AuthorCard author={course.author} />
      </DetailSection>

      <Comments
        target={{ kind: 'courses', id: course.id }}
        ownerId={course.author.id}
        viewerId={viewerId}
        reportAction={reportCommentAction}
        count={course.commentCount}
        onChange={() => void queryClient.invalidateQueries({ queryKey: courseKeys.detail(course.id) })}
      />
    </DetailLayout>
  );
}
