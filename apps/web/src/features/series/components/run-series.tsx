import type { Run } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextField } from '../../../components/text-field.tsx';
import { addDays, formatTime, seoulToday } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCreateSeries } from '../api/series.ts';
import { REPEAT_OFF, repeatProblems, setPosOf, toSchedule, weekdayOf } from '../utils/schedule.ts';
import { RepeatSection } from './repeat-section.tsx';
import styles from './run-series.module.css';

/** "정기런" on an occurrence's page, leading to its series. */
export function SeriesChip({ run }: { run: Pick<Run, 'seriesId'> }) {
  const { t } = useTranslation();
  if (!run.seriesId) return null;
  return (
    <Link to={`/series/${run.seriesId}`} className={styles.chip}>
      {t('series.chip')}
    </Link>
  );
}

/** The host's "수정" on an occurrence: this run only, or this and the following dates (the series page). */
export function EditOccurrenceButton({ run }: { run: Run }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const day = seoulToday(Date.parse(run.startsAt));
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        {t('runDetail.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('series.run.editWhich')}>
        <div className={styles.choices}>
          <ButtonLink to={`/runs/${run.id}/edit`} variant="outline" block>
            {t('series.run.editThis')}
          </ButtonLink>
          <ButtonLink to={`/series/${run.seriesId}?edit=${day}`} variant="secondary" block>
            {t('series.run.editFollowing')}
          </ButtonLink>
        </div>
      </Dialog>
    </>
  );
}

/** On a past run its host hosted: "정기런으로 다시 열기" — same course and details, on a schedule. */
export function RunAgain({ run }: { run: Run }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const create = useCreateSeries();
  const [open, setOpen] = useState(false);
  const firstDay = nextSameWeekday(run.startsAt);
  const [date, setDate] = useState(firstDay);
  const [time, setTime] = useState(formatTime(run.startsAt));
  const [repeat, setRepeat] = useState(() => ({
    ...REPEAT_OFF,
    on: true,
    days: [weekdayOf(firstDay)].filter((d) => d !== undefined),
    setPos: setPosOf(firstDay),
  }));
  if (run.joinState !== 'started') return null;
  const problems = repeatProblems(repeat, date);
  const submit = () => {
    if (Object.keys(problems).length > 0 || !date || !time) return;
    create.mutate(
      { fromRunId: run.id, schedule: toSchedule(repeat, date, time) },
      {
        onSuccess: (created) => {
          notify(t('series.created'));
          void navigate(`/series/${created.series.id}`);
        },
      },
    );
  };
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        {t('series.run.again')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('series.run.againTitle')}
        variant="sheet"
        actions={
          <>
            <Button variant="outline" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="secondary" onClick={submit} pending={create.isPending}>
              {t('series.run.againSubmit')}
            </Button>
          </>
        }
      >
        <div className={styles.form}>
          <p className={styles.muted}>{t('series.run.againHelp')}</p>
          <div className={styles.row}>
            <TextField
              type="date"
              label={t('series.run.againDate')}
              min={seoulToday()}
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
            <TextField
              type="time"
              label={t('series.run.againTime')}
              step={300}
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
          </div>
          <RepeatSection value={repeat} onChange={setRepeat} from={date} time={time} bare />
          {create.isError && <FormAlert message={errorMessage(create.error)} />}
        </div>
      </Dialog>
    </>
  );
}

/** The first day from tomorrow on with the run's weekday (Asia/Seoul). */
function nextSameWeekday(startsAt: string): string {
  const weekday = weekdayOf(seoulToday(Date.parse(startsAt)));
  let day = addDays(seoulToday(), 1);
  for (let i = 0; i < 7 && weekdayOf(day) !== weekday; i++) day = addDays(day, 1);
  return day;
}
