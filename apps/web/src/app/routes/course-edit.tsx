import type { Course, Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { MapIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useCourse } from '../../features/courses/api/get-course.ts';
import { CourseForm } from '../../features/courses/components/course-form/course-form.tsx';
import { courseToFormValues } from '../../features/courses/utils/course-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './run-form-page.module.css';

export function CourseEditPage() {
  const session = useSession();
  const { courseId = '' } = useParams();
  return session.status === 'signed-in' ? <EditCourse courseId={courseId} user={session.user} /> : null;
}

function EditCourse({ courseId, user }: { courseId: string; user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const course = useCourse(courseId);
  useDocumentTitle(t('courseForm.editTitle'));

  const onSaved = (saved: Course) => {
    notify(t('courseForm.saved'));
    void navigate(`/courses/${saved.id}`);
  };

  let body;
  if (course.isPending) body = <Skeleton className={styles.loading} />;
  else if (course.isError) {
    const missing = course.error instanceof ApiError && [400, 404].includes(course.error.status);
    body = (
      <Blocked
        title={t(missing ? 'courseDetail.notFound.title' : 'errors.unknown')}
        courseId={missing ? null : courseId}
      />
    );
  } else if (course.data.author.id !== user.id)
    body = <Blocked title={t('courseForm.notAuthor')} courseId={courseId} />;
  else
    body = (
      <CourseForm
        initial={courseToFormValues(course.data)}
        original={course.data}
        author={course.data.author}
        onSaved={onSaved}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('courseForm.editTitle')}</h1>
      </div>
      {body}
    </div>
  );
}

function Blocked({ title, courseId }: { title: string; courseId: string | null }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<MapIcon />}
      title={title}
      action={
        <ButtonLink to={courseId ? `/courses/${courseId}` : '/courses'} variant="secondary">
          {t(courseId ? 'courseForm.backToCourse' : 'courseDetail.notFound.back')}
        </ButtonLink>
      }
    />
  );
}
