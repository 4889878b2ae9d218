import type { ListRunsQuery, Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { BookmarkIcon, MapIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { Tabs } from '../../components/tabs.tsx';
import { CoursesList } from '../../features/courses/components/courses-list.tsx';
import { RunsList } from '../../features/runs/components/runs-list.tsx';
import { AvatarUpload } from '../../features/uploads/components/avatar-upload.tsx';
import { ProfileCard } from '../../features/users/components/profile-card.tsx';
import { RunningStyleForm } from '../../features/users/components/running-style-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './page.module.css';

const TABS = ['bookmarks', 'courses', 'profile'] as const;
const SAVED = ['runs', 'courses'] as const;
type MeTab = (typeof TABS)[number];
type SavedTab = (typeof SAVED)[number];

// Past runs stay in the bookmarks: the list is what the user saved, not what they can still join.
// `bookmarked` is not in the runs contract yet; the server accepts it once the runs change lands.
const BOOKMARKED_RUNS = { bookmarked: 'true', includeClosed: 'true' } as ListRunsQuery;
const BOOKMARKED_COURSES = { bookmarked: 'true', sort: 'newest' } as const;

export function MePage() {
  const session = useSession();
  return session.status === 'signed-in' ? <MyPage user={session.user} /> : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T {
  return allowed.find((option) => option === value) ?? (allowed[0] as T);
}

function MyPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const notify = useNotice();
  useDocumentTitle(t('me.title'));
  // The open tab lives in the URL (`/me?tab=courses`), so a reload or a shared link opens it again.
  const [params, setParams] = useSearchParams();
  const tab = oneOf(params.get('tab'), TABS);
  const saved = oneOf(params.get('saved'), SAVED);
  const select = (next: { tab?: MeTab; saved?: SavedTab }) => {
    const search = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    if (nextTab !== TABS[0]) search.set('tab', nextTab);
    if (nextTab === 'bookmarks' && (next.saved ?? saved) !== SAVED[0])
      search.set('saved', next.saved ?? saved);
    setParams(search, { replace: true, preventScrollReset: true });
  };

  const bookmarks = (
    <Tabs
      label={t('me.tabs.bookmarks')}
      variant="pills"
      selected={saved}
      onSelect={(key) => select({ saved: key })}
      tabs={[
        {
          key: 'runs',
          label: t('me.bookmarks.runs'),
          panel: (
            <RunsList
              query={BOOKMARKED_RUNS}
              empty={
                <Empty title={t('me.bookmarks.runsEmpty')} to="/runs" action={t('me.bookmarks.findRuns')} />
              }
            />
          ),
        },
        {
          key: 'courses',
          label: t('me.bookmarks.courses'),
          panel: (
            <CoursesList
              query={BOOKMARKED_COURSES}
              label={t('me.bookmarks.courses')}
              empty={
                <Empty
                  title={t('me.bookmarks.coursesEmpty')}
                  to="/courses"
                  action={t('me.bookmarks.findCourses')}
                />
              }
            />
          ),
        },
      ]}
    />
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('me.title')}</h1>
        <p className={styles.lead}>{t('me.lead')}</p>
        <ButtonLink to="/me/settings" variant="secondary">
          {t('settings.open')}
        </ButtonLink>
      </div>
      <div className={styles.columns}>
        <div className={styles.sticky}>
          <ProfileCard me={user} />
        </div>
        <Tabs
          label={t('me.tabs.label')}
          selected={tab}
          onSelect={(key) => select({ tab: key })}
          tabs={[
            { key: 'bookmarks', label: t('me.tabs.bookmarks'), panel: bookmarks },
            {
              key: 'courses',
              label: t('me.tabs.courses'),
              panel: (
                <CoursesList
                  query={{ authorId: user.id, sort: 'newest' }}
                  label={t('me.tabs.courses')}
                  empty={
                    <Empty title={t('me.myCourses.empty')} to="/courses/new" action={t('courses.create')} />
                  }
                />
              ),
            },
            {
              key: 'profile',
              label: t('me.tabs.profile'),
              panel: (
                <RunningStyleForm
                  key={user.id}
                  me={user}
                  submitLabel={t('me.save')}
                  onSaved={() => notify(t('me.saved'))}
                  renderAvatarField={(field) => <AvatarUpload {...field} />}
                />
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}

function Empty({ title, to, action }: { title: string; to: string; action: string }) {
  return (
    <EmptyState
      icon={to.startsWith('/courses') ? <MapIcon /> : <BookmarkIcon />}
      title={title}
      action={
        <ButtonLink to={to} variant="secondary">
          {action}
        </ButtonLink>
      }
    />
  );
}
