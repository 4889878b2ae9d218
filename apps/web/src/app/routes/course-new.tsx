import type { Course, Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotice } from '../../components/notice/notice-context.ts';
import { DraftNotice, FormPage, useDraft } from '../../components/step-form/form-page.tsx';
import { CourseForm } from '../../features/courses/components/course-form/course-form.tsx';
import { courseDrafts } from '../../features/courses/utils/course-draft.ts';
import { EMPTY_COURSE_FORM } from '../../features/courses/utils/course-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useSession } from '../use-session.ts';

export function CourseNewPage() {
  const session = useSession();
  return session.status === 'signed-in' ? <NewCourse user={session.user} /> : null;
}

export function authorOf(user: Me) {
  const { id, nickname, bio, runningLevel, avatar, goodRunnerScore } = user;
  return { id, nickname, bio, runningLevel, avatar, goodRunnerScore };
}

function NewCourse({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const { draft, attempt, startOver } = useDraft(courseDrafts);

  const onSaved = (course: Course) => {
    courseDrafts.clear();
    notify(t('courseForm.published'));
    void navigate(`/courses/${course.id}`);
  };

  return (
    <FormPage
      title={t('courseForm.newTitle')}
      notice={
        draft && (
          <DraftNotice
            text={t('courseForm.draftRestored')}
            startOver={t('courseForm.startOver')}
            onStartOver={startOver}
          />
        )
      }
    >
      <CourseForm
        key={attempt}
        initial={draft?.values ?? EMPTY_COURSE_FORM}
        initialStep={draft?.step}
        author={authorOf(user)}
        onDraftChange={courseDrafts.remember}
        onSaved={onSaved}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    </FormPage>
  );
}
