import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './folded.module.css';

interface FoldedProps {
  /** Shown in place of the content while folded ("차단한 사용자의 댓글이에요"). */
  label: string;
  children: ReactNode;
}

/**
 * Content folded for this reader (a comment or message of someone they blocked): a line that says so and a
 * 보기 / 접기 toggle that opens it in place.
 */
export function Folded({ label, children }: FoldedProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.folded}>
      <p className={styles.line}>
        <span>{label}</span>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {t(open ? 'blocks.folded.hide' : 'blocks.folded.show')}
        </button>
      </p>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
