import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useBlockState } from '../api/get-block-state.ts';
import { useSetBlock } from '../api/set-block.ts';
import styles from './blocks.module.css';

interface BlockUserButtonProps {
  userId: string;
  nickname: string;
}

/**
 * "차단하기" on another runner's profile, confirmed by a dialog that says what blocking does; "차단 해제"
 * once blocked. Only for the signed-in, never on one's own profile (the caller decides).
 */
export function BlockUserButton({ userId, nickname }: BlockUserButtonProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const state = useBlockState(userId, true);
  const setBlock = useSetBlock();
  const [confirming, setConfirming] = useState(false);
  if (!state.isSuccess) return null;
  const blocked = state.data.blocked;

  const onConfirm = () =>
    setBlock.mutate(
      { userId, blocked: !blocked },
      {
        onSuccess: () => notify(t(blocked ? 'blocks.unblocked' : 'blocks.blocked', { nickname }), 'success'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
        onSettled: () => setConfirming(false),
      },
    );

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className={blocked ? undefined : styles.danger}
        aria-label={t(blocked ? 'blocks.unblockLabel' : 'blocks.blockLabel', { nickname })}
        onClick={() => setConfirming(true)}
      >
        {t(blocked ? 'blocks.unblock' : 'blocks.block')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t(blocked ? 'blocks.unblockTitle' : 'blocks.confirmTitle', { nickname })}
        message={t(blocked ? 'blocks.unblockMessage' : 'blocks.confirmMessage')}
        confirmLabel={t(blocked ? 'blocks.unblock' : 'blocks.block')}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
        pending={setBlock.isPending}
      >
        {!blocked && <p className={styles.note}>{t('blocks.confirmNote')}</p>}
      </ConfirmDialog>
    </>
  );
}
