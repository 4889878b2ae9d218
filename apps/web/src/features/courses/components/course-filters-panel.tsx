import { REGIONS, THEMES, type Region, type Theme } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import type { CourseFilters } from '../utils/course-filters.ts';
import styles from './course-filters-panel.module.css';

interface CourseFiltersPanelProps {
  value: CourseFilters;
  onChange: (next: CourseFilters) => void;
}

/** Regions and themes, each multi-select. Controlled: the caller decides when to apply. */
export function CourseFiltersPanel({ value, onChange }: CourseFiltersPanelProps) {
  const { t } = useTranslation();
  const regions = REGIONS.map((v): ChoiceOption<Region> => ({ key: v, value: v, label: t(`region.${v}`) }));
  const themes = THEMES.map((v): ChoiceOption<Theme> => ({ key: v, value: v, label: t(`theme.${v}`) }));
  return (
    <div className={styles.panel}>
      <MultiChoiceGroup
        name="region"
        legend={t('courses.filters.region')}
        options={regions}
        values={value.region}
        onChange={(region) => onChange({ ...value, region })}
      />
      <MultiChoiceGroup
        name="theme"
        legend={t('courses.filters.theme')}
        options={themes}
        values={value.theme}
        onChange={(theme) => onChange({ ...value, theme })}
      />
    </div>
  );
}
