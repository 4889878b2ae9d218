import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { formatEndTime, formatLongDate, formatTime } from '../../../../lib/datetime.ts';
import { formatKm, formatPace } from '../../../../lib/format.ts';
import { type Fact, FactList } from '../../../../components/detail-page/fact-list.tsx';

/** When, how far, how fast, where: the facts of a run as a description list. */
export function RunFacts({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  // The date takes the whole first row.
  const rows: Fact[] = [
    [t('runDetail.facts.date'), formatLongDate(run.startsAt, i18n.language), true],
    ...(run.meetAt ? [[t('runDetail.facts.meetAt'), formatTime(run.meetAt)] as Fact] : []),
    [t('runDetail.facts.startsAt'), formatTime(run.startsAt)],
    [t('runDetail.facts.endsAt'), formatEndTime(run.startsAt, run.endsAt, i18n.language)],
    [t('runDetail.facts.distance'), formatKm(run.distanceKm)],
    [
      t('runDetail.facts.pace'),
      run.paceSecPerKm === null ? t('runDetail.facts.paceFree') : formatPace(run.paceSecPerKm),
    ],
    [
      t('runDetail.facts.seats'),
      t('runDetail.facts.seatsValue', { count: run.participantCount, capacity: run.capacity }) +
        (run.waitlistCount > 0 ? ` · ${t('runs.card.waitlist', { count: run.waitlistCount })}` : ''),
    ],
    [t('runDetail.facts.region'), `${t(`region.${run.region}`)} · ${t(`theme.${run.theme}`)}`],
  ];
  return <FactList facts={rows} />;
}
