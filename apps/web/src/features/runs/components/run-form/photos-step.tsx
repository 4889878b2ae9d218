import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toPayload } from '../../utils/run-form.ts';
import { previewSummary, type RunHost } from '../../utils/run-preview.ts';
import { RunCard } from '../run-card.tsx';
import type { RunFormApi } from './form-api.ts';
import styles from './run-form.module.css';

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
  const id = useId();
  const preview = previewSummary(form.values, toPayload(form.values), host);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('runForm.photos.title')}
        </h2>
        <p className={styles.help}>{t('runForm.photos.help')}</p>
      </div>
      {children}
      <div className={styles.preview}>
        <h3 className={styles.subheading}>{t('runForm.photos.preview')}</h3>
        <div className={styles.previewCard}>
          <RunCard run={preview} preview />
        </div>
      </div>
    </section>
  );
}
