import type { Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { UsersIcon } from '../../../components/icons.tsx';
import { CrewsRow } from './crews-list.tsx';

/**
 * The home page's "우리 동네 크루": crews of the user's preferred regions, most active first; signed out
 * (or with no region chosen), the most active crews anywhere.
 */
export function HomeCrews({ user, classes }: { user: Me | null; classes: Record<string, string> }) {
  const { t } = useTranslation();
  const regions = user?.preferredRegions ?? [];
  const local = regions.length > 0;
  const region = local ? regions.join(',') : undefined;
  const title = t(local ? 'crews.home.title' : 'crews.home.titleTop');
  return (
    <section className={classes.section} aria-labelledby="home-crews">
      <div className={classes.sectionHead}>
        <h2 id="home-crews" className={classes.sectionTitle}>
          {title}
        </h2>
        <Link to={region ? `/crews?region=${region}` : '/crews'} className={classes.more}>
          {t('home.more')}
        </Link>
      </div>
      <CrewsRow
        query={{ region, limit: 10 }}
        label={title}
        empty={
          <EmptyState
            icon={<UsersIcon />}
            title={t('crews.home.empty')}
            action={
              <ButtonLink to={user ? '/crews/new' : '/crews'} variant="secondary">
                {t(user ? 'crews.home.create' : 'crews.title')}
              </ButtonLink>
            }
          />
        }
      />
    </section>
  );
}
