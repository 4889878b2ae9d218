import type { SignupConsents } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ConsentChecklist } from '../../../components/consent-checklist.tsx';
import type { Message } from '../../../lib/messages.ts';

/** The form's state of the consents: unticked required boxes are `false` until ticked (the schema wants `true`). */
export type ConsentValues = Omit<SignupConsents, 'terms' | 'privacy' | 'age14'> & {
  terms: boolean;
  privacy: boolean;
  age14: boolean;
};

export const NO_CONSENTS: ConsentValues = {
  terms: false,
  privacy: false,
  age14: false,
  marketingEmail: false,
  marketingSms: false,
};

interface SignupConsentsProps {
  value: ConsentValues;
  onChange: (value: ConsentValues) => void;
  /** The first missing required consent's message, after a submit. */
  error?: Message;
  name: string;
}

/** Sign-up's agreements: terms, privacy and age 14+ (required), marketing by email or text (optional). */
export function SignupConsentsField({ value, onChange, error, name }: SignupConsentsProps) {
  const { t } = useTranslation();
  const invalid = error !== undefined;
  const required = (id: 'terms' | 'privacy' | 'age14', href?: '/terms' | '/privacy') => ({
    id,
    label: t(`consent.items.${id}`),
    checked: value[id],
    required: true,
    invalid,
    href,
    documentName: href && t(`consent.docs.${id}`),
  });
  return (
    <ConsentChecklist
      legend={t('consent.legend')}
      allLabel={t('consent.all')}
      invalidName={name}
      error={error}
      items={[
        required('terms', '/terms'),
        required('privacy', '/privacy'),
        required('age14'),
        {
          id: 'marketing',
          label: t('consent.items.marketing'),
          checked: value.marketingEmail === true && value.marketingSms === true,
          choices: [
            {
              id: 'marketingEmail',
              label: t('consent.items.marketingEmail'),
              checked: value.marketingEmail === true,
            },
            {
              id: 'marketingSms',
              label: t('consent.items.marketingSms'),
              checked: value.marketingSms === true,
            },
          ],
        },
      ]}
      onChange={(id, checked) => onChange({ ...value, [id]: checked })}
      onAll={(checked) =>
        onChange({
          terms: checked,
          privacy: checked,
          age14: checked,
          marketingEmail: checked,
          marketingSms: checked,
        })
      }
    />
  );
}
