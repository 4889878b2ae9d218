import type { Announcement } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useDeleteAnnouncement, useUpdateAnnouncement } from '../api/update-announcement.ts';
import { AnnouncementForm } from './announcement-form.tsx';
import styles from './announcements.module.css';
import { PushpinIcon } from '../../../components/icons.tsx';

/** One announcement: its text, and for its author or the staff edit, pin/unpin and delete. */
export function AnnouncementView({ announcement: a }: { announcement: Announcement }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateAnnouncement(a.id);
  const remove = useDeleteAnnouncement(a.id, a.crewId);
  const edited = a.updatedAt !== a.createdAt;

  const togglePin = () =>
    update.mutate(
      { pinned: !a.pinned },
      {
        onSuccess: (u) =>
          notify(t(u.pinned ? 'announcements.pinnedDone' : 'announcements.unpinnedDone'), 'success'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  const deleteIt = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notify(t('announcements.deleted'), 'success');
        void navigate(`/crews/${a.crewId}/announcements`, { replace: true });
      },
      onError: (error) => {
        setConfirming(false);
        notify(t(errorMessage(error).key), 'error');
      },
    });

  if (editing) {
    return (
      <AnnouncementForm
        initial={{ title: a.title, content: a.content, pinned: a.pinned }}
        submitLabel={t('announcements.form.save')}
        pending={update.isPending}
        onCancel={() => setEditing(false)}
        onSubmit={async (values) => {
          await update.mutateAsync(values);
          setEditing(false);
          notify(t('announcements.saved'), 'success');
        }}
      />
    );
  }

  return (
    <article className={styles.article}>
      <header className={styles.articleHead}>
        {a.pinned && (
          <span className={styles.pinTag}>
            <PushpinIcon />
            {t('announcements.pinnedTag')}
          </span>
        )}
        <h1 className={styles.articleTitle}>{a.title}</h1>
        <p className={styles.muted}>
          {a.author.nickname} · {formatShortDateTime(a.createdAt, i18n.language)}
          {edited && <> · {t('announcements.edited')}</>}
        </p>
      </header>
      <p className={styles.content}>{a.content}</p>
      {a.canEdit && (
        <div className={styles.ownerActions}>
          <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
            {t('announcements.edit')}
          </Button>
          <Button variant="outline" size="sm" onClick={togglePin} pending={update.isPending}>
            <PushpinIcon /> {t(a.pinned ? 'announcements.unpin' : 'announcements.pin')}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
            {t('announcements.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('announcements.confirmDelete')}
        message={t('announcements.confirmDeleteMessage')}
        confirmLabel={t('announcements.delete')}
        onConfirm={deleteIt}
        onCancel={() => setConfirming(false)}
        pending={remove.isPending}
      />
    </article>
  );
}
