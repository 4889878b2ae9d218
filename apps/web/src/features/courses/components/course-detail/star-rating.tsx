import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { StarIcon } from '../../../../components/icons.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { cx } from '../../../../lib/cx.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useRateCourse } from '../../api/rate-course.ts';
import styles from './course-detail.module.css';

const STARS = [1, 2, 3, 4, 5] as const;

interface StarRatingProps {
  courseId: string;
  /** The viewer's stars from the server, null when not rated yet. */
  value: number | null;
  /** `author`: their own course, not ratable; `guest`: choosing a star leads to login. */
  viewer: 'author' | 'guest' | 'rater';
}

/**
 * "My rating" as a radio group of five stars: arrow keys move and choose, as with any radio group. Choices are
 * sent one after another, so the last one chosen is the one the server keeps.
 */
export function StarRating({ courseId, value, viewer }: StarRatingProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();
  const rate = useRateCourse();
  const [chosen, setChosen] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const sending = useRef(false);
  const queued = useRef<number | null>(null);
  const current = chosen ?? value;

  const send = async (stars: number) => {
    if (sending.current) {
      queued.current = stars;
      return;
    }
    sending.current = true;
    try {
      await rate.mutateAsync({ courseId, stars });
    } catch (error) {
      queued.current = null;
      setChosen(null);
      notify(t(errorMessage(error).key), 'error');
    } finally {
      sending.current = false;
    }
    const next = queued.current;
    queued.current = null;
    if (next !== null && next !== stars) await send(next);
  };

  const choose = (stars: number) => {
    if (viewer === 'guest') {
      void navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    setChosen(stars);
    void send(stars);
  };

  const note =
    viewer === 'author'
      ? t('courseDetail.rating.own')
      : viewer === 'guest'
        ? t('courseDetail.rating.guest')
        : current === null
          ? t('courseDetail.rating.prompt')
          : t('courseDetail.rating.mine', { stars: current });
  const shown = hover ?? current ?? 0;
  return (
    <fieldset className={styles.myRating} disabled={viewer === 'author'} aria-describedby={`${id}-note`}>
      <legend className={styles.myRatingLegend}>{t('courseDetail.rating.myLabel')}</legend>
      <div className={styles.stars} onMouseLeave={() => setHover(null)}>
        {STARS.map((stars) => (
          <label key={stars} className={styles.starOption} onMouseEnter={() => setHover(stars)}>
            <input
              type="radio"
              name={`${id}-stars`}
              value={stars}
              checked={current === stars}
              onChange={() => choose(stars)}
              className={styles.starInput}
              aria-label={t('courseDetail.rating.stars', { stars })}
            />
            <StarIcon
              width={32}
              height={32}
              filled={stars <= shown}
              className={cx(styles.starIcon, stars <= shown && styles.lit)}
            />
          </label>
        ))}
      </div>
      <p id={`${id}-note`} className={styles.ratingNote} aria-live="polite">
        {note}
      </p>
    </fieldset>
  );
}
