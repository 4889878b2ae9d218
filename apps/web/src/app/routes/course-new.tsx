import type { Course, Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { CourseForm } from '../../features/courses/components/course-form/course-form.tsx';
import {
  clearCourseDraft,
  loadCourseDraft,
  rememberCourseDraft,
} from '../../features/courses/utils/course-draft.ts';
import { EMPTY_COURSE_FORM } from '../../features/courses/utils/course-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './run-form-page.module.css';

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
  useDocumentTitle(t('courseForm.newTitle'));
  // Read once: a reload lands on the same step with the same values.
  const [draft, setDraft] = useState(loadCourseDraft);
  const [attempt, setAttempt] = useState(0);

  const startOver = () => {
    clearCourseDraft();
    setDraft(null);
    setAttempt((n) => n + 1);
  };
  const onSaved = (course: Course) => {
    clearCourseDraft();
    notify(t('courseForm.published'));
    void navigate(`/courses/${course.id}`);
  };

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('courseForm.newTitle')}</h1>
        {draft && (
          <p className={styles.draft}>
            {t('courseForm.draftRestored')}{' '}
            <Button variant="ghost" size="sm" onClick={startOver}>
              {t('courseForm.startOver')}
            </Button>
          </p>
        )}
      </div>
      <CourseForm
        key={attempt}
        initial={draft?.values ?? EMPTY_COURSE_FORM}
        initialStep={draft?.step}
        author={authorOf(user)}
        onDraftChange={rememberCourseDraft}
        onSaved={onSaved}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    </div>
  );
}
