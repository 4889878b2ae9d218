import type { CrewSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import hidden from '../../../components/visually-hidden.module.css';
import { formatRhythm } from '../utils/rhythm.ts';
import { CrewLogo } from './crew-card.tsx';
import styles from './crew-row.module.css';

/**
 * A crew in a few lines (search results beside other things): logo, name, region and members, rhythm. The
 * name is the link and its target covers the row; each line keeps one line whatever its length, so a row of
 * these never changes height.
 */
export function CrewRow({ crew }: { crew: CrewSummary }) {
  const { t, i18n } = useTranslation();
  const rhythm = formatRhythm(crew.days, crew.time, i18n.language);
  return (
    <article className={styles.row}>
      <CrewLogo crew={crew} className={styles.logo} />
      <div className={styles.body}>
        <h3 className={styles.name}>
          <Link to={`/crews/${crew.id}`} className={styles.link}>
            {crew.name}
          </Link>
        </h3>
        <p className={styles.line}>
          {crew.regions.map((r) => t(`region.${r}`)).join(' · ')} ·{' '}
          {t('crews.card.members', { count: crew.memberCount })}
        </p>
        <p className={styles.line}>
          <span className={hidden.srOnly}>{t('crews.card.rhythm')} </span>
          {rhythm ?? t('crews.card.noRhythm')}
        </p>
      </div>
    </article>
  );
}
