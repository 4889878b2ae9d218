import type { Me, Run } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/button.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { RunForm } from '../../features/runs/components/run-form/run-form.tsx';
import { clearDraft, loadDraft, rememberDraft } from '../../features/runs/utils/run-draft.ts';
import { EMPTY_RUN_FORM } from '../../features/runs/utils/run-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './run-form-page.module.css';

export function RunNewPage() {
  const session = useSession();
  return session.status === 'signed-in' ? <NewRun user={session.user} /> : null;
}

export function hostOf(user: Me) {
  const { id, nickname, bio, runningLevel, avatar, goodRunnerScore } = user;
  return { id, nickname, bio, runningLevel, avatar, goodRunnerScore, runsHosted: 0 };
}

function NewRun({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();
  useDocumentTitle(t('runForm.newTitle'));
  // Set by a course page's "이 코스로 그룹 러닝 만들기", which left the course in the draft.
  const fromCourse = isFromCourse(location.state) ? location.state.fromCourse : null;
  // Read once: a reload lands on the same step with the same values.
  const [draft, setDraft] = useState(loadDraft);
  const [attempt, setAttempt] = useState(0);

  const startOver = () => {
    clearDraft();
    setDraft(null);
    setAttempt((n) => n + 1);
  };
  const onSaved = (run: Run) => {
    clearDraft();
    notify(t('runForm.published'));
    void navigate(`/runs/${run.id}`);
  };

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('runForm.newTitle')}</h1>
        {draft && (
          <p className={styles.draft}>
            {fromCourse ? t('runForm.fromCourse', { title: fromCourse }) : t('runForm.draftRestored')}{' '}
            <Button variant="ghost" size="sm" onClick={startOver}>
              {t('runForm.startOver')}
            </Button>
          </p>
        )}
      </div>
      <RunForm
        key={attempt}
        initial={draft?.values ?? EMPTY_RUN_FORM}
        initialStep={draft?.step}
        host={hostOf(user)}
        onDraftChange={rememberDraft}
        onSaved={onSaved}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    </div>
  );
}

function isFromCourse(state: unknown): state is { fromCourse: string } {
  return (
    typeof state === 'object' &&
    state !== null &&
    'fromCourse' in state &&
    typeof state.fromCourse === 'string'
  );
}
