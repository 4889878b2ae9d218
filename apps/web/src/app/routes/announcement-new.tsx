import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useNotice } from '../../components/notice/notice-context.ts';
import styles from '../../components/page.module.css';
import { useCreateAnnouncement } from '../../features/announcements/api/create-announcement.ts';
import { AnnouncementForm } from '../../features/announcements/components/announcement-form.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** /crews/:crewId/announcements/new — staff post a 공지 (the server refuses anyone else). */
export function AnnouncementNewPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotice();
  const create = useCreateAnnouncement(crewId);
  useDocumentTitle(t('announcements.newTitle'));
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <Link to={`/crews/${crewId}/announcements`} className={styles.back}>
          {t('announcements.backToList')}
        </Link>
        <h1 className={styles.title}>{t('announcements.newTitle')}</h1>
        <p className={styles.lead}>{t('announcements.staffOnly')}</p>
      </div>
      <AnnouncementForm
        submitLabel={t('announcements.form.submit')}
        pending={create.isPending}
        onCancel={() => void navigate(-1)}
        onSubmit={async (values) => {
          const made = await create.mutateAsync(values);
          notify(t('announcements.posted'), 'success');
          void navigate(`/announcements/${made.id}`, { replace: true });
        }}
      />
    </div>
  );
}
