import { BIO_MAX, NICKNAME, OnboardingSchema, type Image, type Me } from '@erun/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField, TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { useUpdateMe } from '../api/update-me.ts';
import { RunningStyleFields, type RunningStyleValues } from './running-style-fields.tsx';
import styles from './running-style-form.module.css';

/** What the page plugs in as the avatar field (the upload lives in another feature). */
export interface AvatarFieldProps {
  image: Image | null;
  nickname: string;
  onChange: (image: Image | null) => void;
  onPendingChange: (pending: boolean) => void;
}

interface RunningStyleFormProps {
  me: Me;
  submitLabel: string;
  onSaved: (me: Me) => void;
  renderAvatarField?: (field: AvatarFieldProps) => ReactNode;
}

function initialValues(me: Me): RunningStyleValues {
  return {
    nickname: me.nickname,
    bio: me.bio,
    runningLevel: me.runningLevel ?? undefined,
    preferredRegions: me.preferredRegions,
    preferredDistance: me.preferredDistance,
    preferredTimesOfDay: me.preferredTimesOfDay,
    avatarId: me.avatar?.id ?? null,
  };
}

/** Profile and running style, used by onboarding and by the profile page (same rules, OnboardingSchema). */
export function RunningStyleForm({ me, submitLabel, onSaved, renderAvatarField }: RunningStyleFormProps) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const [avatar, setAvatar] = useState(me.avatar);
  const [avatarPending, setAvatarPending] = useState(false);
  const form = useZodForm(OnboardingSchema, initialValues(me), {
    fieldMessages: { runningLevel: 'validation.runningLevel.required' },
  });
  const onSubmit = form.handleSubmit((data) =>
    updateMe.mutate(data, { onSuccess: (me) => onSaved(me), onError: form.applyServerError }),
  );
  const changeAvatar = (image: Image | null) => {
    setAvatar(image);
    form.setValue('avatarId', image?.id ?? null);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <section className={styles.section}>
        <h2 className={styles.heading}>{t('runningStyle.sections.profile')}</h2>
        {renderAvatarField?.({
          image: avatar,
          nickname: form.values.nickname,
          onChange: changeAvatar,
          onPendingChange: setAvatarPending,
        })}
        <TextField
          label={t('runningStyle.nickname.label')}
          hint={t('auth.fields.nicknameHint', { min: NICKNAME.min, max: NICKNAME.max })}
          autoComplete="nickname"
          {...form.register('nickname')}
        />
        <TextAreaField
          label={t('runningStyle.bio.label')}
          placeholder={t('runningStyle.bio.placeholder')}
          maxLength={BIO_MAX}
          rows={3}
          {...form.register('bio')}
        />
      </section>
      <section className={styles.section}>
        <h2 className={styles.heading}>{t('runningStyle.sections.style')}</h2>
        <RunningStyleFields values={form.values} errorOf={form.errorOf} setValue={form.setValue} />
      </section>
      <Button type="submit" size="lg" block pending={updateMe.isPending} disabled={avatarPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
