import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { cx } from '../../../lib/cx.ts';
import { ReportDialog, type ReportTarget } from './report-dialog.tsx';
import styles from './reports.module.css';

interface ReportButtonProps extends ReportTarget {
  size?: 'sm' | 'md';
  /** `end`: on its own line at the end of a column (under a post), not stretched. */
  placement?: 'inline' | 'end';
  className?: string;
}

/** "신고하기" and its dialog, for one user or piece of content (signed-in readers only: the page decides). */
export function ReportButton({
  targetType,
  targetId,
  size = 'sm',
  placement = 'inline',
  className,
}: ReportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size={size}
        className={cx(styles.trigger, placement === 'end' && styles.end, className)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('reports.action')}
      </Button>
      <ReportDialog open={open} onClose={() => setOpen(false)} targetType={targetType} targetId={targetId} />
    </>
  );
}

/** The comments' "신고하기" slot, as the pages that show comments fill it. */
export function reportCommentAction(comment: { id: string }) {
  return <ReportButton targetType="comment" targetId={comment.id} />;
}
