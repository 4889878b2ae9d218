import { divIcon, type DivIcon } from 'leaflet';
import styles from './map.module.css';

/** Markers drawn with CSS (no image files to resolve, crisp at any density, fine without tiles). */
function icon(className: string, size: number, html = ''): DivIcon {
  return divIcon({ className, html, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

const cache = new Map<string, DivIcon>();
function cached(key: string, make: () => DivIcon): DivIcon {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export const vertexIcon = () => cached('vertex', () => icon(styles.vertex ?? '', 18));

/** A dot on the point with a small label beside it (출발 / 도착), clear of the meeting pin above. */
export const endpointIcon = (kind: 'start' | 'finish', label: string) =>
  cached(`${kind}:${label}`, () =>
    icon(
      `${styles.endpoint ?? ''} ${styles[kind] ?? ''}`,
      16,
      `<span class="${styles.endpointLabel ?? ''}">${escapeHtml(label)}</span>`,
    ),
  );

/** The meeting point: a pin whose tip is the point. */
export const meetingIcon = (label: string) =>
  cached(`meeting:${label}`, () =>
    divIcon({
      className: styles.meeting ?? '',
      html: `<span class="${styles.pin ?? ''}"></span><span class="${styles.pinLabel ?? ''}">${escapeHtml(label)}</span>`,
      iconSize: [36, 44],
      iconAnchor: [18, 42],
    }),
  );

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
