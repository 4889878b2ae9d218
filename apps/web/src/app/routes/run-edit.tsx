import type { Me, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { RunIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { Skeleton } from '../../components/skeleton.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { RunForm } from '../../features/runs/components/run-form/run-form.tsx';
import { runToFormValues } from '../../features/runs/utils/run-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './run-form-page.module.css';

export function RunEditPage() {
  const session = useSession();
  const { runId = '' } = useParams();
  return session.status === 'signed-in' ? <EditRun runId={runId} user={session.user} /> : null;
}

function EditRun({ runId, user }: { runId: string; user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const run = useRun(runId);
  useDocumentTitle(t('runForm.editTitle'));

  const onSaved = (saved: Run) => {
    notify(t('runForm.saved'));
    void navigate(`/runs/${saved.id}`);
  };

  let body;
  if (run.isPending) body = <Skeleton className={styles.loading} />;
  else if (run.isError) {
    const missing = run.error instanceof ApiError && [400, 404].includes(run.error.status);
    body = (
      <Blocked
        title={t(missing ? 'runDetail.notFound.title' : 'errors.unknown')}
        runId={missing ? null : runId}
      />
    );
  } else if (run.data.host.id !== user.id) body = <Blocked title={t('runForm.notHost')} runId={runId} />;
  else if (run.data.joinState === 'started' || run.data.joinState === 'cancelled')
    body = <Blocked title={t('runForm.notEditable')} runId={runId} />;
  else
    body = (
      <RunForm
        initial={runToFormValues(run.data)}
        original={run.data}
        host={run.data.host}
        onSaved={onSaved}
        renderPhotosField={(field) => <PhotosUpload {...field} />}
      />
    );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('runForm.editTitle')}</h1>
      </div>
      {body}
    </div>
  );
}

function Blocked({ title, runId }: { title: string; runId: string | null }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<RunIcon />}
      title={title}
      action={
        <ButtonLink to={runId ? `/runs/${runId}` : '/runs'} variant="secondary">
          {t(runId ? 'runForm.backToRun' : 'runDetail.notFound.back')}
        </ButtonLink>
      }
    />
  );
}
