import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { previewCourse, type CourseAuthor } from '../../utils/course-preview.ts';
import { CourseCard } from '../course-card.tsx';
import type { CourseFormApi } from './form-api.ts';
import styles from './course-form.module.css';

/** Step 3: 1–5 photos (the field comes from the page), then the card exactly as the feed will show it. */
export function PhotosStep({
  form,
  author,
  children,
}: {
  form: CourseFormApi;
  author: CourseAuthor;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('courseForm.photos.title')}
        </h2>
        <p className={styles.help}>{t('courseForm.photos.help')}</p>
      </div>
      {children}
      <div className={styles.preview}>
        <h3 className={styles.subheading}>{t('courseForm.photos.preview')}</h3>
        <div className={styles.previewCard}>
          <CourseCard course={previewCourse(form.values, author)} preview />
        </div>
      </div>
    </section>
  );
}
