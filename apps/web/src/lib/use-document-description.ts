import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's `<meta name="description">`, created when the page has none. */
function descriptionTag(): HTMLMetaElement {
  let tag = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!tag) {
    tag = document.createElement('meta');
    tag.name = 'description';
    document.head.append(tag);
  }
  return tag;
}

/**
 * Sets the page's meta description (search results and link previews show it), in the current language: the
 * page's own text, or the site's (`seo.default`) while it has none (e.g. its data is still loading). Leaving the
 * page puts back what was there before, so a page without this hook never keeps another page's text.
 */
export function useDocumentDescription(description?: string): void {
  const { t } = useTranslation();
  const text = description?.trim() ? description.trim() : t('seo.default');
  useEffect(() => {
    const tag = descriptionTag();
    const before = tag.content;
    tag.content = text;
    return () => {
      tag.content = before;
    };
  }, [text]);
}
