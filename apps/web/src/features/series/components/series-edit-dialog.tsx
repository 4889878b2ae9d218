import { RUN_LIMITS, type Series, type UpdateSeries } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextAreaField, TextField } from '../../../components/text-field.tsx';
import { seoulToday } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useUpdateSeries } from '../api/series.ts';
import { WomenOnlyField } from '../../../components/women-only-badge.tsx';
import styles from './series-page.module.css';

interface SeriesEditDialogProps {
  series: Series;
  open: boolean;
  /** The first date to change (an occurrence's "이후 모든 정기런"), else today. */
  from?: string;
  onClose: () => void;
}

/** "이후 모든 정기런 수정": name, start time, seats, description and 여성 전용 from a date on. */
export function SeriesEditDialog({ series, open, from, onClose }: SeriesEditDialogProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const update = useUpdateSeries(series.id);
  const [values, setValues] = useState({
    from: from ?? seoulToday(),
    title: series.template.title,
    time: series.schedule.time,
    capacity: String(series.template.capacity),
    description: series.template.description,
    womenOnly: series.template.womenOnly,
  });
  const set = (changes: Partial<typeof values>) => setValues((v) => ({ ...v, ...changes }));

  const save = () => {
    const changes: UpdateSeries['changes'] = {};
    if (values.title.trim() !== series.template.title) changes.title = values.title.trim();
    if (values.time !== series.schedule.time) changes.time = values.time;
    if (Number(values.capacity) !== series.template.capacity) changes.capacity = Number(values.capacity);
    if (values.description !== series.template.description) changes.description = values.description;
    if (values.womenOnly !== series.template.womenOnly) changes.womenOnly = values.womenOnly;
    update.mutate(
      { from: values.from, changes },
      {
        onSuccess: () => {
          notify(t('series.edit.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('series.edit.title')}
      variant="sheet"
      actions={
        <>
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="secondary" onClick={save} pending={update.isPending}>
            {t('series.edit.save')}
          </Button>
        </>
      }
    >
      <div className={styles.form}>
        <p className={styles.muted}>{t('series.edit.help')}</p>
        <TextField
          type="date"
          label={t('series.edit.from')}
          min={seoulToday()}
          value={values.from}
          onChange={(e) => set({ from: e.target.value })}
        />
        <TextField
          label={t('series.edit.name')}
          counterMax={RUN_LIMITS.titleMax}
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        <div className={styles.row}>
          <TextField
            type="time"
            step={300}
            label={t('series.edit.time')}
            value={values.time}
            onChange={(e) => set({ time: e.target.value })}
          />
          <TextField
            type="number"
            inputMode="numeric"
            min={RUN_LIMITS.capacityMin}
            max={RUN_LIMITS.capacityMax}
            label={t('series.edit.capacity')}
            // A series with pace groups has their sum as its seats (the server refuses any other number).
            disabled={series.template.paceGroups.length > 0}
            hint={
              series.template.paceGroups.length > 0
                ? t('paceGroupsMore.series.capacityFromGroups')
                : undefined
            }
            value={values.capacity}
            onChange={(e) => set({ capacity: e.target.value })}
          />
        </div>
        <TextAreaField
          label={t('series.edit.description')}
          maxLength={RUN_LIMITS.descriptionMax}
          value={values.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <WomenOnlyField checked={values.womenOnly} onChange={(checked) => set({ womenOnly: checked })} />
        {update.isError && <FormAlert message={errorMessage(update.error)} />}
      </div>
    </Dialog>
  );
}
