import type { Crew } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { UsersIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { EditPage } from '../../components/step-form/form-page.tsx';
import { useCrew } from '../../features/crews/api/get-crew.ts';
import { CrewForm } from '../../features/crews/components/crew-form.tsx';
import { crewToFormValues } from '../../features/crews/utils/crew-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';

/** `/crews/:crewId/edit`: the owner's edit (the server checks it too). */
export function CrewEditPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotice();
  const crew = useCrew(crewId);
  const onSaved = (saved: Crew) => {
    notify(t('crewForm.saved'));
    void navigate(`/crews/${saved.id}`);
  };
  return (
    <EditPage
      title={t('crewForm.editTitle')}
      query={crew}
      icon={<UsersIcon />}
      back={{
        item: { to: `/crews/${crewId}`, label: t('crewForm.backToCrew') },
        list: { to: '/crews', label: t('crewDetail.notFound.back') },
      }}
      notFoundTitle={t('crewDetail.notFound.title')}
      failedTitle={t('errors.unknown')}
      blockedBy={(c) => (c.viewer.role === 'owner' ? null : t('crewForm.notOwner'))}
    >
      {(c) => (
        <CrewForm
          initial={crewToFormValues(c)}
          original={c}
          onSaved={onSaved}
          renderImageField={(field) => <PhotosUpload {...field} />}
        />
      )}
    </EditPage>
  );
}
