import { type RequiredConsent } from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ConsentChecklist, type ConsentItem } from '../../../components/consent-checklist.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useAcceptConsents } from '../api/accept-consents.ts';
import styles from './consent-gate-form.module.css';

const LINKS: Partial<Record<RequiredConsent, string>> = { terms: '/terms', privacy: '/privacy' };

interface ConsentGateFormProps {
  required: RequiredConsent[];
  /** A newcomer (nothing accepted yet) is also asked about marketing; a version change asks only what changed. */
  askMarketing: boolean;
  onAccepted: () => void;
}

/** The required documents still to accept (and, for a newcomer, marketing), then on with the app. */
export function ConsentGateForm({ required, askMarketing, onAccepted }: ConsentGateFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptConsents();
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<Message | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const missing = required.filter((doc) => !ticked[doc]);

  const items: ConsentItem[] = required.map((doc) => ({
    id: doc,
    label: t(`consent.items.${doc}`),
    checked: ticked[doc] === true,
    required: true,
    invalid: submitted,
    href: LINKS[doc],
    documentName: doc === 'age14' ? undefined : t(`consent.docs.${doc}`),
  }));
  if (askMarketing) {
    items.push({
      id: 'marketing',
      label: t('consent.items.marketing'),
      checked: ticked.marketingEmail === true && ticked.marketingSms === true,
      choices: (['marketingEmail', 'marketingSms'] as const).map((id) => ({
        id,
        label: t(`consent.items.${id}`),
        checked: ticked[id] === true,
      })),
    });
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    const first = missing[0];
    if (first) {
      event.currentTarget.querySelector<HTMLInputElement>('input[name="consents"]')?.focus();
      return;
    }
    const marketing = askMarketing
      ? { marketingEmail: ticked.marketingEmail === true, marketingSms: ticked.marketingSms === true }
      : {};
    accept.mutate(
      { accept: required, ...marketing },
      { onSuccess: onAccepted, onError: (e) => setError(errorMessage(e)) },
    );
  };

  const firstMissing = missing[0];
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      <ConsentChecklist
        legend={t('consent.legend')}
        allLabel={t('consent.all')}
        items={items}
        invalidName="consents"
        error={submitted && firstMissing ? { key: `validation.consent.${firstMissing}Required` } : null}
        onChange={(id, checked) => setTicked((previous) => ({ ...previous, [id]: checked }))}
        onAll={(checked) =>
          setTicked(
            Object.fromEntries([...required, 'marketingEmail', 'marketingSms'].map((id) => [id, checked])),
          )
        }
      />
      <Button type="submit" size="lg" block pending={accept.isPending}>
        {t('consent.gate.submit')}
      </Button>
    </form>
  );
}
