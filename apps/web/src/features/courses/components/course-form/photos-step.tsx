import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotosSection } from '../../../../components/step-form/form-section.tsx';
import { previewCourse, type CourseAuthor } from '../../utils/course-preview.ts';
import { CourseCard } from '../course-card.tsx';
import type { CourseFormApi } from './form-api.ts';

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
  return (
    <PhotosSection
      title={t('courseForm.photos.title')}
      help={t('courseForm.photos.help')}
      previewTitle={t('courseForm.photos.preview')}
      preview={<CourseCard course={previewCourse(form.values, author)} preview />}
    >
      {children}
    </PhotosSection>
  );
}
