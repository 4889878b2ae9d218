import {
  CreateReportSchema,
  REPORT_REASONS,
  type ReportReason,
  type ReportTargetType,
  SAFETY_LIMITS,
} from '@erun/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ChoiceGroup } from '../../../components/choice-group.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { useCreateReport } from '../api/create-report.ts';
import styles from './reports.module.css';

export interface ReportTarget {
  targetType: ReportTargetType;
  targetId: string;
}

interface ReportDialogProps extends ReportTarget {
  open: boolean;
  onClose: () => void;
}

/**
 * "신고하기": a reason (기타 needs a note), then thanks and what happens next. Reporting is anonymous; a second
 * report of the same thing is refused with its reason (ALREADY_REPORTED).
 */
export function ReportDialog({ open, onClose, targetType, targetId }: ReportDialogProps) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const create = useCreateReport();
  const formId = useId();
  const close = () => {
    onClose();
    setDone(false);
    create.reset();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t(done ? 'reports.doneTitle' : `reports.title.${targetType}`)}
      actions={
        done ? (
          // The form (and its focused button) is gone: focus the way out, after the thanks are read.
          <Button variant="secondary" onClick={close} autoFocus>
            {t('reports.ok')}
          </Button>
        ) : (
          <>
            <Button variant="outline" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={formId} variant="secondary" pending={create.isPending}>
              {t('reports.submit')}
            </Button>
          </>
        )
      }
    >
      {open &&
        (done ? (
          <p role="status" className={styles.thanks}>
            {t('reports.thanks')}
          </p>
        ) : (
          <ReportForm
            id={formId}
            target={{ targetType, targetId }}
            create={create}
            onDone={() => setDone(true)}
          />
        ))}
    </Dialog>
  );
}

/** A type, not an interface: the form takes its values as a plain record. */
type ReportValues = {
  targetType: ReportTargetType;
  targetId: string;
  reason: ReportReason | '';
  note: string;
};

interface ReportFormProps {
  id: string;
  target: ReportTarget;
  create: ReturnType<typeof useCreateReport>;
  onDone: () => void;
}

function ReportForm({ id, target, create, onDone }: ReportFormProps) {
  const { t } = useTranslation();
  const initial: ReportValues = { ...target, reason: '', note: '' };
  const form = useZodForm(CreateReportSchema, initial, {
    fieldMessages: { reason: 'reports.reasonRequired' },
  });
  const reason = form.values.reason;
  const submit = form.handleSubmit((body) => {
    create.mutate(
      { ...body, note: body.note || undefined },
      { onSuccess: onDone, onError: (error) => form.applyServerError(error) },
    );
  });
  return (
    <form
      id={id}
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-busy={create.isPending || undefined}
    >
      <p className={styles.intro}>{t('reports.intro')}</p>
      <FormAlert message={form.errorOf('targetId') ?? form.formError} />
      <ChoiceGroup
        name="reason"
        legend={t('reports.reasonLegend')}
        layout="chips"
        options={REPORT_REASONS.map((value) => ({ key: value, value, label: t(`reports.reason.${value}`) }))}
        value={reason === '' ? undefined : reason}
        onChange={(value) => form.setValue('reason', value)}
        error={form.errorOf('reason')}
      />
      <TextAreaField
        label={t(reason === 'other' ? 'reports.noteRequired' : 'reports.note')}
        placeholder={t('reports.notePlaceholder')}
        maxLength={SAFETY_LIMITS.reportNoteMax}
        rows={3}
        required={reason === 'other'}
        {...form.register('note')}
      />
    </form>
  );
}
