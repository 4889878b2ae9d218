import type { Course, Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MapIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { EditPage } from '../../components/step-form/form-page.tsx';
import { useCourse } from '../../features/courses/api/get-course.ts';
import { CourseForm } from '../../features/courses/components/course-form/course-form.tsx';
import { courseToFormValues } from '../../features/courses/utils/course-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useSession } from '../use-session.ts';

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

  const onSaved = (saved: Course) => {
    notify(t('courseForm.saved'));
    void navigate(`/courses/${saved.id}`);
  };

  return (
    <EditPage
      title={t('courseForm.editTitle')}
      query={course}
      icon={<MapIcon />}
      back={{
        item: { to: `/courses/${courseId}`, label: t('courseForm.backToCourse') },
        list: { to: '/courses', label: t('courseDetail.notFound.back') },
      }}
      notFoundTitle={t('courseDetail.notFound.title')}
      failedTitle={t('errors.unknown')}
      blockedBy={(course) => (course.author.id === user.id ? null : t('courseForm.notAuthor'))}
    >
      {(course) => (
        <CourseForm
          initial={courseToFormValues(course)}
          original={course}
          author={course.author}
          onSaved={onSaved}
          renderPhotosField={(field) => <PhotosUpload {...field} />}
        />
      )}
    </EditPage>
  );
}
