import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · 이RUN 저RUN" (or the brand alone), in the current language. */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const brand = t('brand.name');
  useEffect(() => {
    document.title = page ? t('brand.pageTitle', { page, brand }) : brand;
  }, [page, brand, t]);
}
