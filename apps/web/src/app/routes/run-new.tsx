import type { Me, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { DraftNotice, FormPage, useDraft } from '../../components/step-form/form-page.tsx';
import { RunForm } from '../../features/runs/components/run-form/run-form.tsx';
import { runDrafts } from '../../features/runs/utils/run-draft.ts';
import { EMPTY_RUN_FORM } from '../../features/runs/utils/run-form.ts';
import { useRepeatPublish } from '../../features/series/components/repeat-section.tsx';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useSession } from '../use-session.ts';

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
  // Suspended or banned: said here, before a whole form is filled in only to be refused at the end.
  if (user.restriction !== null)
    return (
      <FormPage title={t('runForm.newTitle')}>
        <FormAlert message={{ key: 'restricted.host' }} />
      </FormPage>
    );
  return <NewRunForm user={user} />;
}

function NewRunForm({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();
  // Set by a course page's "이 코스로 그룹 러닝 만들기", which left the course in the draft.
  const fromCourse = isFromCourse(location.state) ? location.state.fromCourse : null;
  const { draft, attempt, startOver } = useDraft(runDrafts);
  // "정기런으로 반복": on, publishing creates a series and lands on its page.
  const repeat = useRepeatPublish((seriesId) => {
    runDrafts.clear();
    notify(t('series.created'));
    void navigate(`/series/${seriesId}`);
  });

  const onSaved = (run: Run) => {
    runDrafts.clear();
    notify(t('runForm.published'));
    void navigate(`/runs/${run.id}`);
  };

  return (
    <FormPage
      title={t('runForm.newTitle')}
      notice={
        draft && (
          <DraftNotice
            text={fromCourse ? t('runForm.fromCourse', { title: fromCourse }) : t('runForm.draftRestored')}
            startOver={t('runForm.startOver')}
            onStartOver={startOver}
          />
        )
      }
    >
      <RunForm
        key={attempt}
        initial={draft?.values ?? EMPTY_RUN_FORM}
        initialStep={draft?.step}
        host={hostOf(user)}
        onDraftChange={runDrafts.remember}
        onSaved={onSaved}
        renderDetailsExtra={repeat.section}
        publishInstead={repeat.publish}
        extraPending={repeat.pending}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    </FormPage>
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
