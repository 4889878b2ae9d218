import type { Me } from '@erun/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Carousel } from '../../components/carousel.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LocateIcon, MapIcon, PlusIcon, RunIcon, UserIcon } from '../../components/icons.tsx';
import { HomeCrews } from '../../features/crews/components/home-crews.tsx';
import { ForMeChip, hasPreferences } from '../../features/runs/components/for-me-chip.tsx';
import { RunsRow } from '../../features/runs/components/runs-row.tsx';
import { useGeolocation } from '../../features/runs/hooks/use-geolocation.ts';
import { addDays, seoulToday } from '../../lib/datetime.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './home.module.css';

const STEPS = ['find', 'join', 'run'] as const;
const FEATURES = [
  { key: 'runs', to: '/runs', Icon: RunIcon },
  { key: 'courses', to: '/courses', Icon: MapIcon },
  { key: 'score', to: '/me', Icon: UserIcon },
] as const;
const BANNER_MS = 6000;

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle();
  useDocumentDescription(t('seo.home'));
  const user = session.status === 'signed-in' ? session.user : null;
  const today = seoulToday();
  // "내 조건" (on unless the URL says forMe=false) and the runner's position (only after "내 주변").
  const [params, setParams] = useSearchParams();
  const personal = hasPreferences(user);
  const forMe = params.get('forMe') !== 'false';
  const mine = personal && forMe ? ({ forMe: 'true' } as const) : {};
  const near = NEAR.test(params.get('near') ?? '') ? (params.get('near') ?? '') : '';
  const origin = near ? { lat: Number(near.split(',')[0]), lng: Number(near.split(',')[1]) } : null;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const offSuffix = personal && !forMe ? 'forMe=false' : '';
  const withOff = (to: string) => (offSuffix ? `${to}${to.includes('?') ? '&' : '?'}${offSuffix}` : to);

  return (
    <>
      <div className={styles.bannerWrap}>
        <Carousel label={t('home.banner.label')} autoAdvanceMs={BANNER_MS} className={styles.banner}>
          <HeroSlide user={user} />
          <HowSlide />
          <PostSlide signedIn={user !== null} />
        </Carousel>
      </div>

      {personal && (
        <div className={styles.forMe}>
          <ForMeChip prefs={user} pressed={forMe} onToggle={(on) => setParam('forMe', on ? null : 'false')} />
        </div>
      )}
      {user && (
        <RunsSection
          id="home-recommended"
          title={t('feed.home.recommended')}
          more={withOff(`/runs?sort=recommended${near ? `&near=${near}` : ''}`)}
          query={{ sort: 'recommended', limit: 10, ...mine, ...(near ? { near } : {}) }}
          signedIn
          origin={origin}
          actions={<NearButton near={near} onNear={(value) => setParam('near', value)} />}
        />
      )}
      <RunsSection
        id="home-soon"
        title={t('home.soon.title')}
        more={withOff('/runs')}
        query={{ sort: 'soonest', limit: 10, ...mine }}
        signedIn={user !== null}
        origin={origin}
      />
      <RunsSection
        id="home-popular"
        title={t('home.popular.title')}
        more={withOff(`/runs?sort=popular&from=${today}&to=${addDays(today, 7)}`)}
        query={{ sort: 'popular', from: today, to: addDays(today, 7), limit: 10, ...mine }}
        signedIn={user !== null}
        origin={origin}
      />

      <HomeCrews user={user} classes={styles} />

      <section className={styles.section} aria-labelledby="home-what">
        <h2 id="home-what" className={styles.sectionTitle}>
          {t('home.what.title')}
        </h2>
        <ul className={styles.features}>
          {FEATURES.map(({ key, to, Icon }) => (
            <li key={key}>
              <Link to={to} className={styles.feature}>
                <span className={styles.featureIcon}>
                  <Icon />
                </span>
                <span className={styles.featureTitle}>{t(`home.what.${key}.title`)}</span>
                <span className={styles.featureText}>{t(`home.what.${key}.text`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="home-join">
        <div className={styles.band}>
          <h2 id="home-join" className={styles.bandTitle}>
            {user ? t('home.band.signedIn') : t('home.band.signedOut')}
          </h2>
          <ButtonLink to={user ? '/runs/new' : '/signup'} size="lg" variant="secondary">
            {user ? t('runs.create') : t('home.cta.signup')}
          </ButtonLink>
        </div>
      </section>
    </>
  );
}

function HeroSlide({ user }: { user: Me | null }) {
  const { t } = useTranslation();
  return (
    <div className={`${styles.slide} ${styles.hero}`}>
      <p className={styles.eyebrow}>
        {user ? t('home.hero.greeting', { nickname: user.nickname }) : t('home.hero.eyebrow')}
      </p>
      <h1 className={styles.slogan}>{t('home.hero.slogan')}</h1>
      <p className={styles.lead}>{t('home.hero.lead')}</p>
      <div className={styles.ctas}>
        {user ? (
          <ButtonLink to="/runs" size="lg">
            {t('home.cta.findRuns')}
          </ButtonLink>
        ) : (
          <>
            <ButtonLink to="/signup" size="lg">
              {t('home.cta.signup')}
            </ButtonLink>
            <ButtonLink to="/login" size="lg" variant="outline" className={styles.onDark}>
              {t('home.cta.login')}
            </ButtonLink>
          </>
        )}
      </div>
      <svg className={styles.route} viewBox="0 0 400 200" aria-hidden="true" focusable="false">
        <path d="M10 170 C 90 170, 90 60, 170 60 S 260 150, 320 110 S 380 40, 390 30" />
        <circle cx="10" cy="170" r="8" />
        <circle cx="390" cy="30" r="8" />
      </svg>
    </div>
  );
}

function HowSlide() {
  const { t } = useTranslation();
  return (
    <div className={`${styles.slide} ${styles.how}`}>
      <h2 className={styles.slideTitle}>{t('home.how.title')}</h2>
      <ol className={styles.steps}>
        {STEPS.map((step, index) => (
          <li key={step} className={styles.step}>
            <span className={styles.stepNumber} aria-hidden="true">
              {index + 1}
            </span>
            <span className={styles.stepText}>
              <strong>{t(`home.how.${step}.title`)}</strong>
              <span>{t(`home.how.${step}.text`)}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function PostSlide({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`${styles.slide} ${styles.post}`}>
      <h2 className={styles.slideTitle}>{t('home.post.title')}</h2>
      <p className={styles.slideLead}>{t('home.post.text')}</p>
      <div className={styles.ctas}>
        <ButtonLink to={signedIn ? '/runs/new' : '/signup?next=%2Fruns%2Fnew'} size="lg" variant="secondary">
          <PlusIcon width={20} height={20} />
          {t(signedIn ? 'runs.create' : 'home.post.signup')}
        </ButtonLink>
      </div>
    </div>
  );
}

interface RunsSectionProps {
  id: string;
  title: string;
  more: string;
  query: Parameters<typeof RunsRow>[0]['query'];
  signedIn: boolean;
  origin?: { lat: number; lng: number } | null;
  /** Buttons beside the title (e.g. "내 주변"). */
  actions?: ReactNode;
}

const NEAR = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

/** "내 주변": asks for the position only when pressed; the recommendation then ranks by closeness. */
function NearButton({ near, onNear }: { near: string; onNear: (value: string | null) => void }) {
  const { t } = useTranslation();
  const geo = useGeolocation();
  const hintId = useId();
  if (near) {
    return (
      <Button variant="outline" size="sm" onClick={() => onNear(null)}>
        {t('feed.home.nearOff')}
      </Button>
    );
  }
  return (
    <span className={styles.nearWrap}>
      <Button
        variant="outline"
        size="sm"
        pending={geo.pending}
        aria-describedby={hintId}
        onClick={() => geo.locate((lat, lng) => onNear(`${lat.toFixed(4)},${lng.toFixed(4)}`))}
      >
        <LocateIcon width={16} height={16} />
        {t('feed.home.near')}
      </Button>
      <span id={hintId} className={styles.nearHint} role={geo.problem ? 'alert' : undefined}>
        {geo.problem ? t(`runs.filters.geo.${geo.problem}`) : t('feed.home.nearHint')}
      </span>
    </span>
  );
}

function RunsSection({ id, title, more, query, signedIn, origin = null, actions }: RunsSectionProps) {
  const { t } = useTranslation();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.sectionHead}>
        <h2 id={id} className={styles.sectionTitle}>
          {title}
        </h2>
        <span className={styles.sectionActions}>
          {actions}
          <Link to={more} className={styles.more}>
            {t('home.more')}
          </Link>
        </span>
      </div>
      <RunsRow
        query={query}
        origin={origin}
        label={title}
        empty={
          <EmptyState
            icon={<RunIcon />}
            title={t('home.emptyRuns')}
            action={
              <ButtonLink to={signedIn ? '/runs/new' : '/signup'} variant="secondary">
                {t(signedIn ? 'runs.create' : 'home.cta.signup')}
              </ButtonLink>
            }
          />
        }
      />
    </section>
  );
}
