import type { Attendance, SaveAttendance } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { formatPace } from '../../../lib/format.ts';
import { cx } from '../../../lib/cx.ts';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useRunReliability } from '../api/disputes.ts';
import { useSaveAttendance } from '../api/save-attendance.ts';
import { ReliabilityLine } from './reliability-line.tsx';
import styles from './attendance-sheet.module.css';
import { useNow } from '../../../lib/use-now.ts';

type Marks = Record<string, boolean | null>;

const marksOf = (attendance: Attendance): Marks =>
  Object.fromEntries(attendance.participants.map((p) => [p.id, p.present]));

/** What PUT sends: everyone marked, the unmarked left out (they stay "not taken"). */
export function attendancePayload(marks: Marks): SaveAttendance {
  const entries = Object.entries(marks);
  return {
    present: entries.filter(([, mark]) => mark === true).map(([id]) => id),
    absent: entries.filter(([, mark]) => mark === false).map(([id]) => id),
  };
}

/** 출석 체크: each participant came or did not; saved together, editable again while the window is open. */
export function AttendanceSheet({ attendance, now: fixedNow }: { attendance: Attendance; now?: number }) {
  const { t, i18n } = useTranslation();
  const now = useNow(fixedNow);
  const notify = useNotice();
  const save = useSaveAttendance(attendance.runId);
  // Each runner's record ("출석률 92% · 노쇼 1" or "새 러너"): the host sees who they are counting on.
  const records = useRunReliability(attendance.runId);
  const reliability = new Map((records.data?.items ?? []).map((r) => [r.userId, r]));
  const [marks, setMarks] = useState<Marks>(() => marksOf(attendance));
  const editable = attendance.editable;
  // The same short form as the run's start in the page's heading, a line above.
  const opensAt = formatShortDateTime(attendance.opensAt, i18n.language);
  const closesAt = formatShortDateTime(attendance.closesAt, i18n.language);
  // A no-show is recorded only once the run has started (the server answers 409 ABSENT_BEFORE_START).
  const absentOpen = attendance.absentEditable;
  const absentNoteId = `attendance-absent-note-${attendance.runId}`;
  const unmarked = Object.values(marks).filter((mark) => mark === null).length;
  const counts = {
    present: Object.values(marks).filter((mark) => mark === true).length,
    absent: Object.values(marks).filter((mark) => mark === false).length,
  };

  const mark = (id: string, present: boolean) => setMarks((current) => ({ ...current, [id]: present }));
  const allPresent = () =>
    setMarks((current) => Object.fromEntries(Object.keys(current).map((id) => [id, true])));
  const submit = () =>
    save.mutate(attendancePayload(marks), {
      onSuccess: (saved) => {
        setMarks(marksOf(saved));
        notify(t('attendance.saved'), 'success');
      },
    });

  const windowNote = editable
    ? t('attendance.window.open', { closesAt })
    : now < Date.parse(attendance.opensAt)
      ? t('attendance.window.notYet', { opensAt })
      : t('attendance.window.closed', { closesAt });

  // The paces the sheet is grouped by; runners in no group (none: the run has no groups) come last.
  const groups: { id: string | null; paceSecPerKm: number }[] =
    (attendance.paceGroups ?? []).length === 0
      ? []
      : [...(attendance.paceGroups ?? []), { id: null, paceSecPerKm: 0 }];
  const row = (person: (typeof attendance.participants)[number]) => (
    <li key={person.id} className={styles.person}>
      <Avatar image={person.avatar} name={person.nickname} size="sm" />
      <span className={styles.name}>
        {person.nickname}
        <ReliabilityLine record={reliability.get(person.id)} />
        {person.reviewed && (
          <span id={`attendance-reviewed-${person.id}`} className={styles.note}>
            {t('attendance.reviewedStaysPresent')}
          </span>
        )}
      </span>
      <fieldset className={styles.toggle} disabled={!editable}>
        <legend className={styles.hidden}>
          {t('attendance.personLegend', { nickname: person.nickname })}
        </legend>
        {([true, false] as const).map((value) => {
          // Absent is refused before the start and for a runner who reviewed the host.
          const locked = !value && (!absentOpen || person.reviewed);
          return (
            <label
              key={String(value)}
              className={cx(
                styles.option,
                marks[person.id] === value && (value ? styles.present : styles.absent),
                locked && styles.optionLocked,
              )}
            >
              <input
                type="radio"
                className={styles.radio}
                name={`attendance-${person.id}`}
                checked={marks[person.id] === value}
                disabled={locked}
                aria-describedby={
                  locked ? (person.reviewed ? `attendance-reviewed-${person.id}` : absentNoteId) : undefined
                }
                onChange={() => mark(person.id, value)}
              />
              {t(value ? 'attendance.present' : 'attendance.absent')}
            </label>
          );
        })}
      </fieldset>
    </li>
  );

  return (
    <div className={styles.sheet}>
      <p className={cx(styles.window, !editable && styles.windowClosed)} role="status">
        {windowNote}
      </p>
      {editable && !absentOpen && attendance.participants.length > 0 && (
        <p id={absentNoteId} className={cx(styles.window, styles.windowClosed)}>
          {t('attendance.absentNotYet', {
            startsAt: formatShortDateTime(attendance.absentOpensAt, i18n.language),
          })}
        </p>
      )}
      {attendance.participants.length === 0 ? (
        <p className={styles.empty}>{t('attendance.empty')}</p>
      ) : (
        <>
          <div className={styles.toolbar}>
            <p className={styles.counts}>{t('attendance.counts', { ...counts, unmarked })}</p>
            <Button variant="outline" size="sm" onClick={allPresent} disabled={!editable}>
              {t('attendance.allPresent')}
            </Button>
          </div>
          {groups.length === 0 ? (
            <ul className={styles.list} aria-label={t('attendance.listLabel')}>
              {attendance.participants.map(row)}
            </ul>
          ) : (
            // A run with pace groups: each group's runners under its pace (DOMAIN.md "Pace groups").
            groups.map((group) => {
              const people = attendance.participants.filter((p) => (p.paceGroupId ?? null) === group.id);
              if (people.length === 0) return null;
              const title = group.id
                ? t('paceGroups.attendance.group', {
                    pace: formatPace(group.paceSecPerKm),
                    count: people.length,
                  })
                : t('paceGroups.attendance.none', { count: people.length });
              return (
                <section key={group.id ?? 'none'} aria-label={title}>
                  <h3 className={styles.groupHeading}>{title}</h3>
                  <ul className={styles.list}>{people.map(row)}</ul>
                </section>
              );
            })
          )}
          {save.isError && <FormAlert message={errorMessage(save.error)} />}
          <Button size="lg" block onClick={submit} pending={save.isPending} disabled={!editable}>
            {t('attendance.save')}
          </Button>
        </>
      )}
    </div>
  );
}
