import type { BlockedUser } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import page from '../../../components/page.module.css';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { formatLongDate } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useBlocks } from '../api/get-blocks.ts';
import { useSetBlock } from '../api/set-block.ts';
import styles from './blocks.module.css';

/** `/me/settings` "차단한 사용자" (issue 17): the runners I blocked, each with 해제. */
export function BlockedUsers() {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const items = blocks.data?.items ?? [];
  return (
    <section className={page.section} aria-labelledby="settings-blocks">
      <h2 id="settings-blocks" className={page.sectionTitle}>
        {t('blocks.settings.title')}
      </h2>
      <p className={styles.text}>{t('blocks.settings.lead')}</p>
      {blocks.isPending && (
        <p className={styles.text} role="status">
          {t('blocks.settings.loading')}
        </p>
      )}
      {blocks.isError && (
        <div className={styles.block}>
          <FormAlert message={errorMessage(blocks.error)} />
          <div>
            <Button variant="outline" size="sm" onClick={() => void blocks.refetch()}>
              {t('blocks.settings.retry')}
            </Button>
          </div>
        </div>
      )}
      {blocks.isSuccess && items.length === 0 && <p className={styles.text}>{t('blocks.settings.empty')}</p>}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={t('blocks.settings.title')}>
          {items.map((item) => (
            <BlockedRow key={item.user.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BlockedRow({ item }: { item: BlockedUser }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const setBlock = useSetBlock();
  const { nickname } = item.user;
  const onUnblock = () =>
    setBlock.mutate(
      { userId: item.user.id, blocked: false },
      {
        onSuccess: () => notify(t('blocks.unblocked', { nickname }), 'success'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  return (
    <li className={styles.row}>
      <div className={styles.who}>
        <Avatar image={item.user.avatar} name={nickname} size="sm" />
        <div className={styles.info}>
          <span className={styles.name}>{nickname}</span>
          <span className={styles.meta}>
            {t('blocks.settings.since', { date: formatLongDate(item.blockedAt, i18n.language) })}
          </span>
        </div>
      </div>
      <Button
        variant="outline"
        size="sm"
        aria-label={t('blocks.settings.unblockLabel', { nickname })}
        pending={setBlock.isPending}
        onClick={onUnblock}
      >
        {t('blocks.settings.unblock')}
      </Button>
    </li>
  );
}
