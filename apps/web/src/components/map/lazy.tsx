import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from 'react';
import { Skeleton } from '../skeleton.tsx';
import styles from './map.module.css';

// Leaflet is large: it loads with the first map on screen, not with the app.
const RouteMapImpl = lazy(() => import('./route-map.tsx').then((m) => ({ default: m.RouteMap })));
const RouteEditorImpl = lazy(() => import('./route-editor.tsx').then((m) => ({ default: m.RouteEditor })));

function MapSkeleton({ className }: { className?: string }) {
  return (
    <div className={`${styles.frame} ${className ?? ''}`}>
      <Skeleton className={styles.map} />
    </div>
  );
}

const never = () => () => undefined;
/**
 * False on the server and while hydrating a server-rendered page, true after: Leaflet needs a browser, so a map
 * is the skeleton in the server's HTML and loads once the page is the app's (ADR 023).
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

export function RouteMap(props: ComponentProps<typeof RouteMapImpl>) {
  const inBrowser = useInBrowser();
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      {inBrowser ? <RouteMapImpl {...props} /> : <MapSkeleton className={props.className} />}
    </Suspense>
  );
}

export function RouteEditor(props: ComponentProps<typeof RouteEditorImpl>) {
  const inBrowser = useInBrowser();
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      {inBrowser ? <RouteEditorImpl {...props} /> : <MapSkeleton className={props.className} />}
    </Suspense>
  );
}

const ClusterMapImpl = lazy(() => import('./cluster-map.tsx').then((m) => ({ default: m.ClusterMap })));

export function ClusterMap(props: ComponentProps<typeof ClusterMapImpl>) {
  const inBrowser = useInBrowser();
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      {inBrowser ? <ClusterMapImpl {...props} /> : <MapSkeleton className={props.className} />}
    </Suspense>
  );
}
