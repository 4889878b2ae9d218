import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotosSection } from '../../../../components/step-form/form-section.tsx';
import { useMyStaffCrews } from '../../api/get-my-staff-crews.ts';
import { toRunPayload } from '../../utils/run-form.ts';
import { previewSummary, type RunHost } from '../../utils/run-preview.ts';
import { RunCard } from '../run-card.tsx';
import type { RunFormApi } from './form-api.ts';

/** Step 3: photos (the field comes from the page), then the card exactly as the list will show it. */
export function PhotosStep({
  form,
  host,
  children,
}: {
  form: RunFormApi;
  host: RunHost;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const crews = useMyStaffCrews();
  const crew = crews.data?.items.find((c) => c.id === form.values.crewId);
  const preview = previewSummary(
    form.values,
    toRunPayload(form.values),
    host,
    crew ? { id: crew.id, name: crew.name, logo: crew.logo } : null,
  );
  return (
    <PhotosSection
      title={t('runForm.photos.title')}
      help={t('runForm.photos.help')}
      previewTitle={t('runForm.photos.preview')}
      preview={<RunCard run={preview} preview />}
    >
      {children}
    </PhotosSection>
  );
}
