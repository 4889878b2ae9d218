import { cx } from '../lib/cx.ts';
import { BookmarkIcon } from './icons.tsx';
import styles from './bookmark-toggle.module.css';

interface BookmarkToggleProps {
  pressed: boolean;
  /** The accessible name when icon only (cards), e.g. "한강 10K 북마크". */
  label: string;
  /** Visible text beside the icon (detail pages); icon only without it. */
  text?: string;
  pending?: boolean;
  onClick: () => void;
  className?: string;
}

/** The bookmark button of runs and courses: a toggle (aria-pressed), round on cards, labelled on pages. */
export function BookmarkToggle({
  pressed,
  label,
  text,
  pending = false,
  onClick,
  className,
}: BookmarkToggleProps) {
  return (
    <button
      type="button"
      className={cx(styles.button, text !== undefined && styles.labelled, pressed && styles.on, className)}
      aria-pressed={pressed}
      aria-label={text === undefined ? label : undefined}
      disabled={pending}
      onClick={onClick}
    >
      <BookmarkIcon width={20} height={20} filled={pressed} />
      {text !== undefined && <span>{text}</span>}
    </button>
  );
}
