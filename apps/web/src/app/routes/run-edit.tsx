import type { Me, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RunIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { EditPage } from '../../components/step-form/form-page.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { RunForm } from '../../features/runs/components/run-form/run-form.tsx';
import { runToFormValues } from '../../features/runs/utils/run-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';
import { useSession } from '../use-session.ts';

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

  const onSaved = (saved: Run) => {
    notify(t('runForm.saved'));
    void navigate(`/runs/${saved.id}`);
  };
  const blockedBy = (run: Run) => {
    if (!run.canManage) return t('runForm.notHost');
    if (run.joinState === 'started' || run.joinState === 'cancelled') return t('runForm.notEditable');
    return null;
  };

  return (
    <EditPage
      title={t('runForm.editTitle')}
      query={run}
      icon={<RunIcon />}
      back={{
        item: { to: `/runs/${runId}`, label: t('runForm.backToRun') },
        list: { to: '/runs', label: t('runDetail.notFound.back') },
      }}
      notFoundTitle={t('runDetail.notFound.title')}
      failedTitle={t('errors.unknown')}
      blockedBy={blockedBy}
    >
      {(run) => (
        <RunForm
          initial={runToFormValues(run)}
          original={run}
          host={run.host}
          viewerId={user.id}
          onSaved={onSaved}
          renderPhotosField={(field) => <PhotosUpload {...field} />}
        />
      )}
    </EditPage>
  );
}
