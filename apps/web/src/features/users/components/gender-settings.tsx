import { GENDERS, type Gender, type Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import styles from '../../../components/page.module.css';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useUpdateMe } from '../api/update-me.ts';
import own from './gender-settings.module.css';

/**
 * Settings: the private gender (issue 17). Nobody else sees it; it only lets the user join 여성 전용 runs and
 * crews. Saved as soon as it is chosen; "밝히지 않음" clears it.
 */
export function GenderSettings({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const options: ChoiceOption<Gender | null>[] = [
    ...GENDERS.map((g) => ({ key: g, value: g, label: t(`womenOnly.settings.${g}`) })),
    { key: 'unset', value: null, label: t('womenOnly.settings.unset') },
  ];
  const choose = (gender: Gender | null) => {
    setStatus(null);
    setError(null);
    update.mutate(
      { gender },
      {
        onSuccess: () => setStatus(t('womenOnly.settings.saved')),
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <section id="gender" className={styles.section} aria-labelledby="settings-gender">
      <h2 id="settings-gender" className={styles.sectionTitle}>
        {t('womenOnly.settings.title')}
      </h2>
      {me && (
        <ChoiceGroup
          name="gender"
          layout="chips"
          legend={t('womenOnly.settings.legend')}
          hint={t('womenOnly.settings.hint')}
          options={options}
          value={update.isPending ? (update.variables.gender ?? null) : me.gender}
          onChange={choose}
        />
      )}
      <p role="status" className={own.status}>
        {status}
      </p>
      <FormAlert message={error} />
    </section>
  );
}
