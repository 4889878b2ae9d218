import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../lib/i18n.ts';
import { useUpdateMe } from '../api/update-me.ts';

/**
 * While signed in, a language switch is also the language of the account's mail and texts: it is stored with
 * PATCH /api/me (sign-up sends the language of that moment).
 */
export function useSyncLocale(signedIn: boolean): void {
  const { i18n } = useTranslation();
  const { mutate } = useUpdateMe();
  useEffect(() => {
    if (!signedIn) return;
    const onChange = (language: string) => {
      if (isLanguage(language)) mutate({ locale: language });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, mutate, signedIn]);
}
