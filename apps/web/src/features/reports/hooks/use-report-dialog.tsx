import type { ReportTargetType } from '@erun/contracts';
import { type ReactNode, useState } from 'react';
import { ReportDialog } from '../components/report-dialog.tsx';

/**
 * One report dialog for many items of a kind (a chat's messages): `open(id)` shows it for that one; render
 * `dialog` once, beside the list.
 */
export function useReportDialog(targetType: ReportTargetType): {
  open: (targetId: string) => void;
  dialog: ReactNode;
} {
  const [targetId, setTargetId] = useState<string | null>(null);
  return {
    open: setTargetId,
    dialog: (
      <ReportDialog
        open={targetId !== null}
        onClose={() => setTargetId(null)}
        targetType={targetType}
        targetId={targetId ?? ''}
      />
    ),
  };
}
