import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import { LANGUAGES, switchLanguage } from '../lib/i18n.ts';
import styles from './language-switch.module.css';

/**
 * ko ⇄ en. Each option is written in its own language, and marked so screen readers pronounce it right. Its name
 * starts with what it shows ("EN (English)"), so a voice-control user who says "EN" reaches it (WCAG 2.5.3).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className={cx(styles.switch, className)}>
      {LANGUAGES.map((language) => {
        const active = i18n.resolvedLanguage === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={active}
            aria-label={t('language.option', {
              short: t(`language.short.${language}`),
              name: t(`language.name.${language}`),
            })}
            className={cx(styles.option, active && styles.active)}
            onClick={() => void switchLanguage(language)}
          >
            {t(`language.short.${language}`)}
          </button>
        );
      })}
    </div>
  );
}
