import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { MapIcon, RunIcon, UserIcon } from '../../components/icons.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './home.module.css';

const STEPS = ['find', 'join', 'run'] as const;
const FEATURES = [
  { key: 'runs', to: '/runs', Icon: RunIcon },
  { key: 'courses', to: '/courses', Icon: MapIcon },
  { key: 'score', to: '/me', Icon: UserIcon },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle();
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <>
      <section className={styles.hero} aria-labelledby="home-title">
        <div className={styles.heroInner}>
          <p className={styles.eyebrow}>
            {user ? t('home.hero.greeting', { nickname: user.nickname }) : t('home.hero.eyebrow')}
          </p>
          <h1 id="home-title" className={styles.slogan}>
            {t('home.hero.slogan')}
          </h1>
          <p className={styles.lead}>{t('home.hero.lead')}</p>
          <div className={styles.ctas}>
            {user ? (
              <>
                <ButtonLink to="/runs" size="lg">
                  {t('home.cta.findRuns')}
                </ButtonLink>
                <ButtonLink to="/courses" size="lg" variant="outline" className={styles.onDark}>
                  {t('home.cta.courses')}
                </ButtonLink>
              </>
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
        </div>
        <svg className={styles.route} viewBox="0 0 400 200" aria-hidden="true" focusable="false">
          <path d="M10 170 C 90 170, 90 60, 170 60 S 260 150, 320 110 S 380 40, 390 30" />
          <circle cx="10" cy="170" r="8" />
          <circle cx="390" cy="30" r="8" />
        </svg>
      </section>

      <section className={styles.section} aria-labelledby="home-how">
        <h2 id="home-how" className={styles.sectionTitle}>
          {t('home.how.title')}
        </h2>
        <ol className={styles.steps}>
          {STEPS.map((step, index) => (
            <li key={step} className={styles.step}>
              <span className={styles.stepNumber} aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(`home.how.${step}.title`)}</h3>
              <p>{t(`home.how.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

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
          <ButtonLink to={user ? '/runs' : '/signup'} size="lg" variant="secondary">
            {user ? t('home.cta.findRuns') : t('home.cta.signup')}
          </ButtonLink>
        </div>
      </section>
    </>
  );
}
