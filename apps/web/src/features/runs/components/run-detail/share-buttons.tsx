import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ShareActions } from '../../../../components/share-actions.tsx';
import { formatShortDateTime } from '../../../../lib/datetime.ts';
import { themeImage } from '../run-card.tsx';

/** Sharing a run: its link, when and where in the text, its first photo (or theme picture) on the card. */
export function ShareButtons({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const when = formatShortDateTime(run.startsAt, i18n.language);
  return (
    <ShareActions
      title={run.title}
      text={t('runDetail.shareText', { when, place: run.meetingPlace.name })}
      path={`/runs/${run.id}`}
      imageUrl={run.photos[0]?.urls.medium ?? themeImage(run.theme)}
    />
  );
}
