import type { ListRunsQuery, Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { BookmarkIcon, MapIcon, RunIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Tabs } from '../../components/tabs.tsx';
import { MyReliabilityPanel } from '../../features/after-run/components/reliability-line.tsx';
import { ScoreHistory } from '../../features/after-run/components/score-history.tsx';
import { CoursesList } from '../../features/courses/components/courses-list.tsx';
import { MyRunsList } from '../../features/runs/components/my-runs-list.tsx';
import { MySchedule } from '../../features/runs/components/my-schedule.tsx';
import { RunsList } from '../../features/runs/components/runs-list.tsx';
import { AvatarUpload } from '../../features/uploads/components/avatar-upload.tsx';
import { useMyBadges } from '../../features/users/api/get-my-badges.ts';
import { useProfile } from '../../features/users/api/get-profile.ts';
import { BadgeShelf } from '../../features/users/components/badge-shelf.tsx';
import { CalendarFeed } from '../../features/users/components/calendar-feed.tsx';
import { MyStatsPanel } from '../../features/users/components/my-stats.tsx';
import { ProfileCard } from '../../features/users/components/profile-card.tsx';
import { ReviewCounts } from '../../features/users/components/review-counts.tsx';
import { RunningStyleForm } from '../../features/users/components/running-style-form.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import pageStyles from '../../components/page.module.css';
import meStyles from './me.module.css';

const styles = { ...pageStyles, ...meStyles };

const TABS = ['schedule', 'hosted', 'joined', 'bookmarks', 'courses', 'reviews', 'stats', 'profile'] as const;
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
        <p className={styles.lead}>{t('mypage.lead')}</p>
        <ButtonLink to="/me/settings" variant="secondary" className={styles.settings}>
          {t('settings.open')}
        </ButtonLink>
        {user.role !== 'user' && (
          <ButtonLink to="/admin" variant="outline" className={styles.settings}>
            {t('admin.title')}
          </ButtonLink>
        )}
      </div>
      <div className={styles.columns}>
        <div className={styles.sticky}>
          <ProfileCard me={user}>
            <MyBadges userId={user.id} />
            <ScoreHistory />
            <MyReliabilityPanel userId={user.id} />
            <Link to={`/users/${user.id}`} className={styles.profileLink}>
              {t('mypage.publicProfile')}
            </Link>
          </ProfileCard>
        </div>
        <Tabs
          label={t('me.tabs.label')}
          selected={tab}
          onSelect={(key) => select({ tab: key })}
          tabs={[
            {
              key: 'schedule',
              label: t('mypage.tabs.schedule'),
              panel: (
                <div className={styles.panel}>
                  <div className={styles.panelActions}>
                    <CalendarFeed />
                  </div>
                  <MySchedule />
                </div>
              ),
            },
            {
              key: 'hosted',
              label: t('mypage.tabs.hosted'),
              panel: (
                <MyRunsList
                  role="host"
                  label={t('mypage.tabs.hosted')}
                  empty={
                    <Empty title={t('mypage.hostedEmpty')} to="/runs/new" action={t('mypage.createRun')} />
                  }
                />
              ),
            },
            {
              key: 'joined',
              label: t('mypage.tabs.joined'),
              panel: (
                <MyRunsList
                  role="participant"
                  label={t('mypage.tabs.joined')}
                  empty={
                    <Empty title={t('mypage.joinedEmpty')} to="/runs" action={t('me.bookmarks.findRuns')} />
                  }
                />
              ),
            },
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
            { key: 'reviews', label: t('mypage.tabs.reviews'), panel: <MyReviews userId={user.id} /> },
            { key: 'stats', label: t('mypage.tabs.stats'), panel: <MyStatsPanel /> },
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

/** Every badge with progress; the public profile's earned ones if the full list is not available. */
function MyBadges({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const badges = useMyBadges();
  const profile = useProfile(userId);
  const list = badges.data?.items ?? profile.data?.badges;
  return (
    <div className={styles.badges}>
      <h3 className={styles.badgesTitle}>{t('profilePage.badges')}</h3>
      {list ? <BadgeShelf badges={list} showLocked={badges.isSuccess} /> : null}
    </div>
  );
}

/** 받은 평가: my own profile's counts, both sides (the server sends the disappointing side only to me). */
function MyReviews({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const profile = useProfile(userId);
  if (profile.isPending) return <p className={styles.lead}>{t('shell.loading')}</p>;
  if (profile.isError) return <FormAlert message={errorMessage(profile.error)} />;
  return <ReviewCounts counts={profile.data.reviewCounts} own />;
}

function Empty({ title, to, action }: { title: string; to: string; action: string }) {
  return (
    <EmptyState
      icon={to.startsWith('/courses') ? <MapIcon /> : to.startsWith('/runs') ? <RunIcon /> : <BookmarkIcon />}
      title={title}
      action={
        <ButtonLink to={to} variant="secondary">
          {action}
        </ButtonLink>
      }
    />
  );
}
