import { CREW_LIMITS, CreateAnnouncementSchema, type CreateAnnouncement } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField, TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import styles from './announcements.module.css';

interface AnnouncementFormProps {
  initial?: CreateAnnouncement;
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved; a rejection's errors land beside their fields. */
  onSubmit: (values: CreateAnnouncement) => Promise<unknown>;
  onCancel?: () => void;
}

/** Title, content and pin, checked with the server's own schema (Korean messages). */
export function AnnouncementForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: AnnouncementFormProps) {
  const { t } = useTranslation();
  const form = useZodForm(CreateAnnouncementSchema, initial ?? { title: '', content: '', pinned: false });
  const submit = form.handleSubmit((data) => {
    onSubmit(data).catch(form.applyServerError);
  });
  const content = form.register('content');

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <FormAlert message={form.formError} />
      <TextField
        label={t('announcements.form.title')}
        placeholder={t('announcements.form.titlePlaceholder')}
        maxLength={CREW_LIMITS.announcementTitleMax}
        autoComplete="off"
        {...form.register('title')}
      />
      <TextAreaField
        label={t('announcements.form.content')}
        placeholder={t('announcements.form.contentPlaceholder')}
        rows={10}
        {...content}
        maxLength={CREW_LIMITS.announcementContentMax}
      />
      <label className={styles.check}>
        <input
          type="checkbox"
          name="pinned"
          checked={form.values.pinned}
          onChange={(event) => form.setValue('pinned', event.target.checked)}
        />
        <span>
          <strong>{t('announcements.form.pin')}</strong>
          <span className={styles.muted}> {t('announcements.form.pinHint')}</span>
        </span>
      </label>
      <div className={styles.formActions}>
        {onCancel && (
          <Button type="button" variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
