import type { LatLng } from '@erun/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientConfig } from '../../lib/app-config.ts';
import { formatKm } from '../../lib/format.ts';
import { MapIcon } from '../icons.tsx';
import { RouteMap } from '../map/lazy.tsx';
import { BackState, QueryPage } from '../query-page.tsx';
import { Skeleton } from '../skeleton.tsx';
import styles from './detail-page.module.css';

/** The shared classes of a detail page's summary (title, muted text, the row of bookmark/share). */
export { styles as detailStyles };

interface DetailLayoutProps {
  gallery: ReactNode;
  /** Region, title, facts, actions: what the side column (sticky on wide screens) starts with. */
  summary: ReactNode;
  /** The main action, given the class that makes it a bar above the tab bar on phones. */
  bar: (className: string | undefined) => ReactNode;
  /** The sections. */
  children: ReactNode;
}

/** The page of one run, course…: photos, a summary with the main action beside them, then the sections. */
export function DetailLayout({ gallery, summary, bar, children }: DetailLayoutProps) {
  return (
    <div className={styles.page}>
      <div className={styles.layout}>
        <div className={styles.gallery}>{gallery}</div>
        <div className={styles.side}>
          <div className={styles.summary}>{summary}</div>
          {bar(styles.bar)}
        </div>
        <div className={styles.main}>{children}</div>
      </div>
    </div>
  );
}

/** The frame of a detail page's loading, missing and error states (for `QueryPage`). */
export const detailPageClass = styles.page;

/** Placeholders of a detail page while it loads. */
export function DetailSkeleton() {
  return (
    <>
      <Skeleton className={styles.skeletonPhoto} />
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonLine} />
    </>
  );
}

/** A titled section of a detail page; `id` names it for assistive technology. */
export function DetailSection({
  id,
  title,
  children,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The author's text with their line breaks, or a muted line when there is none. */
export function Description({ text, empty }: { text: string | null; empty: string }) {
  return text ? <p className={styles.description}>{text}</p> : <p className={styles.muted}>{empty}</p>;
}

interface RouteSectionProps {
  id: string;
  title: string;
  distanceKm: number;
  route: LatLng[];
  meetingPoint: LatLng | null;
  mapLabel: string;
  gpx: { href: string; label: string; icon?: ReactNode };
}

/** The route on a map with its distance, and its GPX file to download. */
export function RouteSection({
  id,
  title,
  distanceKm,
  route,
  meetingPoint,
  mapLabel,
  gpx,
}: RouteSectionProps) {
  const { t } = useTranslation();
  const config = useClientConfig();
  return (
    <DetailSection
      id={id}
      title={
        <>
          {title} <span className={styles.muted}>{formatKm(distanceKm)}</span>
        </>
      }
    >
      <RouteMap
        className={styles.map}
        route={route}
        meetingPoint={meetingPoint}
        tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
        label={mapLabel}
        labels={{ start: t('map.start'), finish: t('map.finish'), meeting: t('map.meeting') }}
      />
      <a href={gpx.href} download className={styles.gpx}>
        {gpx.icon}
        {gpx.label}
      </a>
    </DetailSection>
  );
}

interface DetailQueryPageProps<T> {
  query: UseQueryResult<T>;
  /** The page's key in the locale files: `<kind>.notFound.title|description|back`. */
  kind: 'runDetail' | 'courseDetail' | 'crewDetail';
  /** Where "back" leads when the thing is not there: its list. */
  listPath: string;
  children: (data: T) => ReactNode;
}

/** A detail page's frame: the skeleton while loading, "not found" with the way back to the list, the page. */
export function DetailQueryPage<T>({ query, kind, listPath, children }: DetailQueryPageProps<T>) {
  const { t } = useTranslation();
  return (
    <QueryPage
      query={query}
      className={detailPageClass}
      loading={<DetailSkeleton />}
      notFound={
        <BackState
          icon={<MapIcon />}
          title={t(`${kind}.notFound.title`)}
          description={t(`${kind}.notFound.description`)}
          to={listPath}
          back={t(`${kind}.notFound.back`)}
        />
      }
    >
      {children}
    </QueryPage>
  );
}
