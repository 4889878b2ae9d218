import { lazy, Suspense, type ComponentProps } from 'react';
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

export function RouteMap(props: ComponentProps<typeof RouteMapImpl>) {
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      <RouteMapImpl {...props} />
    </Suspense>
  );
}

export function RouteEditor(props: ComponentProps<typeof RouteEditorImpl>) {
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      <RouteEditorImpl {...props} />
    </Suspense>
  );
}

const ClusterMapImpl = lazy(() => import('./cluster-map.tsx').then((m) => ({ default: m.ClusterMap })));

export function ClusterMap(props: ComponentProps<typeof ClusterMapImpl>) {
  return (
    <Suspense fallback={<MapSkeleton className={props.className} />}>
      <ClusterMapImpl {...props} />
    </Suspense>
  );
}
