import { useId } from 'react';
import styles from './bar-chart.module.css';

export interface BarDatum {
  key: string;
  /** Short label under the bar ("11월"). */
  label: string;
  /** Full label for the table ("2026년 11월"). */
  fullLabel: string;
  value: number;
  /** The value as read ("12.5 km"). */
  valueText: string;
}

interface BarChartProps {
  title: string;
  /** Header of the table's label column ("월"). */
  labelHeader: string;
  valueHeader: string;
  data: readonly BarDatum[];
}

const WIDTH = 360;
const HEIGHT = 180;
const TOP = 18;
const BOTTOM = 22;

/**
 * A plain SVG bar chart (no chart library). The picture is hidden from screen readers; a visually hidden
 * table beside it carries the same numbers.
 */
export function BarChart({ title, labelHeader, valueHeader, data }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const slot = WIDTH / Math.max(1, data.length);
  const barWidth = Math.min(28, slot * 0.62);
  const plot = HEIGHT - TOP - BOTTOM;

  return (
    <figure className={styles.figure} aria-labelledby={titleId}>
      <figcaption id={titleId} className={styles.title}>
        {title}
      </figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className={styles.axis} />
        {data.map((d, i) => {
          const height = max > 0 ? (d.value / max) * plot : 0;
          const x = i * slot + (slot - barWidth) / 2;
          const y = HEIGHT - BOTTOM - height;
          // A value wider than its slot would be cut at the chart's edges: the outer ones hang inwards.
          const anchor = i === 0 ? 'start' : i === data.length - 1 ? 'end' : 'middle';
          const valueX = anchor === 'start' ? x : anchor === 'end' ? x + barWidth : x + barWidth / 2;
          return (
            <g key={d.key} data-value={d.value}>
              <rect x={x} y={y} width={barWidth} height={height} rx={3} className={styles.bar} />
              {d.value > 0 && (
                <text x={valueX} y={y - 4} textAnchor={anchor} className={styles.value}>
                  {d.valueText}
                </text>
              )}
              <text x={x + barWidth / 2} y={HEIGHT - 6} className={styles.label}>
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className={styles.hidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.fullLabel}</th>
              <td>{d.valueText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface RankedDatum {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

/** Ranked horizontal bars (favourite themes, regions): a real list, the bar is decoration. */
export function RankedBars({
  title,
  data,
  empty,
}: {
  title: string;
  data: readonly RankedDatum[];
  empty: string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <section className={styles.ranked} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {title}
      </h3>
      {data.every((d) => d.value === 0) ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ol className={styles.rankList}>
          {data.map((d) => (
            <li key={d.key} className={styles.rankRow}>
              <span className={styles.rankLabel}>{d.label}</span>
              <span className={styles.rankTrack} aria-hidden="true">
                <span className={styles.rankBar} style={{ width: `${(d.value / max) * 100}%` }} />
              </span>
              <span className={styles.rankValue}>{d.valueText}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
