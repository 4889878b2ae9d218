import { CONSENT_EFFECTIVE_DATES, CONSENT_VERSIONS } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import page from '../../../components/page.module.css';
import { cx } from '../../../lib/cx.ts';
import { formatConsentDate } from '../format-date.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { privacyEn } from '../content/privacy.en.ts';
import { privacyKo } from '../content/privacy.ko.ts';
import { termsEn } from '../content/terms.en.ts';
import { termsKo } from '../content/terms.ko.ts';
import type { LegalSection } from '../content/types.ts';
import styles from './legal-document.module.css';

const TEXTS = { terms: { ko: termsKo, en: termsEn }, privacy: { ko: privacyKo, en: privacyEn } } as const;

/** `/terms` or `/privacy` in the reader's language, with the version and the date it took effect. */
export function LegalDocument({ document }: { document: 'terms' | 'privacy' }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ko';
  const text = TEXTS[document][locale];
  useDocumentTitle(text.title);
  const other = document === 'terms' ? 'privacy' : 'terms';
  return (
    <article className={cx(page.page, page.narrow)}>
      <header className={page.head}>
        <h1 className={page.title}>{text.title}</h1>
        <p className={styles.meta}>
          <span>{t('legal.version', { version: CONSENT_VERSIONS[document] })}</span>
          <span>
            {t('legal.effective', {
              date: formatConsentDate(`${CONSENT_EFFECTIVE_DATES[document]}T00:00:00+09:00`, locale),
            })}
          </span>
        </p>
        <p className={page.lead}>{text.intro}</p>
      </header>
      <nav aria-label={t('legal.contents')} className={styles.toc}>
        <ol>
          {text.sections.map((section, i) => (
            <li key={section.heading}>
              <a href={`#${document}-${i}`}>{section.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      {text.sections.map((section, i) => (
        <Section key={section.heading} id={`${document}-${i}`} section={section} />
      ))}
      <p>
        <Link to={`/${other}`}>{t(other === 'terms' ? 'legal.toTerms' : 'legal.toPrivacy')}</Link>
      </p>
    </article>
  );
}

function Section({ id, section }: { id: string; section: LegalSection }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {section.heading}
      </h2>
      {section.paragraphs?.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {section.table && (
        <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={section.table.caption}>
          <table className={styles.table}>
            <caption className={styles.caption}>{section.table.caption}</caption>
            <thead>
              <tr>
                {section.table.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.table.rows.map(([head, ...cells]) => (
                <tr key={head}>
                  <th scope="row">{head}</th>
                  {cells.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {section.items && (
        <ul className={styles.list}>
          {section.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
