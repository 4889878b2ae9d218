import type { Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { Carousel } from '../../components/carousel.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { MapIcon, PlusIcon, RunIcon, UserIcon } from '../../components/icons.tsx';
import { HomeCrews } from '../../features/crews/components/home-crews.tsx';
import { RunsRow } from '../../features/runs/components/runs-row.tsx';
import { addDays, seoulToday } from '../../lib/datetime.ts';
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
  const user = session.status === 'signed-in' ? session.user : null;
  const today = seoulToday();

  return (
    <>
      <div className={styles.bannerWrap}>
        <Carousel label={t('home.banner.label')} autoAdvanceMs={BANNER_MS} className={styles.banner}>
          <HeroSlide user={user} />
          <HowSlide />
          <PostSlide signedIn={user !== null} />
        </Carousel>
      </div>

      <RunsSection
        id="home-soon"
        title={t('home.soon.title')}
        more="/runs"
        query={{ sort: 'soonest', limit: 10 }}
        signedIn={user !== null}
      />
      <RunsSection
        id="home-popular"
        title={t('home.popular.title')}
        more={`/runs?sort=popular&from=${today}&to=${addDays(today, 7)}`}
        query={{ sort: 'popular', from: today, to: addDays(today, 7), limit: 10 }}
        signedIn={user !== null}
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
}

function RunsSection({ id, title, more, query, signedIn }: RunsSectionProps) {
  const { t } = useTranslation();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.sectionHead}>
        <h2 id={id} className={styles.sectionTitle}>
          {title}
        </h2>
        <Link to={more} className={styles.more}>
          {t('home.more')}
        </Link>
      </div>
      <RunsRow
        query={query}
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
