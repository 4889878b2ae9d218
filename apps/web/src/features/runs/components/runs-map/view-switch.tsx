import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MapIcon, RunIcon } from '../../../../components/icons.tsx';
import { cx } from '../../../../lib/cx.ts';
import styles from './view-switch.module.css';

export const RUNS_VIEWS = ['list', 'map'] as const;
export type RunsView = (typeof RUNS_VIEWS)[number];

/**
 * 목록 | 지도: a segmented control on the tabs pattern (one tab stop, arrow keys move and choose), controlling
 * the results panel (`panelId`, which carries role="tabpanel").
 */
export function ViewSwitch({
  value,
  onChange,
  panelId,
  idPrefix,
}: {
  value: RunsView;
  onChange: (view: RunsView) => void;
  panelId: string;
  /** The tabs' ids are `<idPrefix>-list` and `<idPrefix>-map` (the panel is labelled by the chosen one). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const own = useId();
  const prefix = idPrefix ?? own;
  const onKeyDown = (event: KeyboardEvent) => {
    const index = RUNS_VIEWS.indexOf(value);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? RUNS_VIEWS[(index + 1) % RUNS_VIEWS.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? RUNS_VIEWS[(index - 1 + RUNS_VIEWS.length) % RUNS_VIEWS.length]
          : event.key === 'Home'
            ? RUNS_VIEWS[0]
            : event.key === 'End'
              ? RUNS_VIEWS[RUNS_VIEWS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    document.getElementById(`${prefix}-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('runsMap.switch')} className={styles.switch} onKeyDown={onKeyDown}>
      {RUNS_VIEWS.map((view) => {
        const active = view === value;
        const Icon = view === 'map' ? MapIcon : RunIcon;
        return (
          <button
            key={view}
            id={`${prefix}-${view}`}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            className={cx(styles.option, active && styles.active)}
            onClick={() => onChange(view)}
          >
            <Icon width={18} height={18} aria-hidden="true" />
            {t(`runsMap.${view}`)}
          </button>
        );
      })}
    </div>
  );
}
