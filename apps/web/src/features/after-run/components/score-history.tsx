import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useScoreHistory } from '../api/get-score-history.ts';
import styles from './score-history.module.css';

const SHOWN = 20;

/** What moved my good-runner score, latest first; a disclosure so the profile card stays short. */
export function ScoreHistory() {
  const { t, i18n } = useTranslation();
  const history = useScoreHistory();
  return (
    <details className={styles.history}>
      <summary className={styles.summary}>{t('mypage.scoreHistory.title')}</summary>
      {history.isPending ? (
        <p className={styles.muted}>{t('shell.loading')}</p>
      ) : history.isError ? (
        <FormAlert message={errorMessage(history.error)} />
      ) : history.data.items.length === 0 ? (
        <p className={styles.muted}>{t('mypage.scoreHistory.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {history.data.items.slice(0, SHOWN).map((item) => (
            <li key={`${item.runId}-${item.reason}-${item.at}`} className={styles.item}>
              <span className={cx(styles.delta, item.delta > 0 ? styles.up : styles.down)}>
                {t('mypage.scoreHistory.delta', {
                  delta: item.delta > 0 ? `+${item.delta}` : String(item.delta),
                })}
              </span>
              <div className={styles.body}>
                <p className={styles.reason}>{t(`mypage.scoreHistory.reason.${item.reason}`)}</p>
                <p className={styles.meta}>
                  <Link to={`/runs/${item.runId}`}>{item.runTitle}</Link> ·{' '}
                  <time dateTime={item.at}>{formatDateTime(item.at, i18n.language)}</time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
