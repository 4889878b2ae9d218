import type { Crew } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotice } from '../../components/notice/notice-context.ts';
import { FormPage } from '../../components/step-form/form-page.tsx';
import { CrewForm } from '../../features/crews/components/crew-form.tsx';
import { EMPTY_CREW_FORM } from '../../features/crews/utils/crew-form.ts';
import { PhotosUpload } from '../../features/uploads/components/photos-upload.tsx';

/** `/crews/new`: make a crew; its maker becomes the owner (크루장). */
export function CrewNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const onSaved = (crew: Crew) => {
    notify(t('crewForm.published'));
    void navigate(`/crews/${crew.id}`);
  };
  return (
    <FormPage title={t('crewForm.newTitle')}>
      <CrewForm
        initial={EMPTY_CREW_FORM}
        onSaved={onSaved}
        renderImageField={(field) => <PhotosUpload {...field} />}
      />
    </FormPage>
  );
}
