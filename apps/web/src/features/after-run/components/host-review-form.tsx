import {
  HOST_REVIEW_NEGATIVE,
  HOST_REVIEW_POSITIVE,
  WriteHostReviewSchema,
  type HostReviewCategory,
  type WriteHostReview,
} from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ChoiceGroup, MultiChoiceGroup } from '../../../components/choice-group.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField } from '../../../components/text-field.tsx';
import { issueMessage } from '../../../lib/issue-message.ts';
import type { Message } from '../../../lib/messages.ts';
import styles from './host-review-form.module.css';

export const REVIEW_NOTE_MAX = 300;

interface HostReviewFormProps {
  hostName: string;
  pending: boolean;
  error: Message | null;
  onSubmit: (review: WriteHostReview) => void;
}

/** 좋았어요 or 아쉬웠어요, the categories of that side, an optional private note to the host. */
export function HostReviewForm({ hostName, pending, error, onSubmit }: HostReviewFormProps) {
  const { t } = useTranslation();
  const [positive, setPositive] = useState<boolean | undefined>(undefined);
  const [categories, setCategories] = useState<HostReviewCategory[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ side?: Message; categories?: Message; note?: Message }>({});
  const side = positive === undefined ? [] : positive ? HOST_REVIEW_POSITIVE : HOST_REVIEW_NEGATIVE;

  // Switching sides starts the categories over: one side's reasons never travel to the other.
  const choose = (next: boolean) => {
    if (next !== positive) setCategories([]);
    setPositive(next);
    setErrors({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (positive === undefined) {
      setErrors({ side: { key: 'review.sideRequired' } });
      return;
    }
    const parsed = WriteHostReviewSchema.safeParse({ positive, categories, note: note.trim() || null });
    if (!parsed.success) {
      const issue = (field: string) => parsed.error.issues.find((i) => i.path[0] === field);
      const of = (field: string) => {
        const found = issue(field);
        return found ? issueMessage(found) : undefined;
      };
      setErrors({ categories: of('categories'), note: of('note') });
      return;
    }
    onSubmit(parsed.data);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <ChoiceGroup
        name="side"
        legend={t('review.sideLegend', { nickname: hostName })}
        layout="chips"
        options={[
          { key: 'positive', value: true, label: t('review.positive') },
          { key: 'negative', value: false, label: t('review.negative') },
        ]}
        value={positive}
        onChange={choose}
        error={errors.side}
      />
      {positive !== undefined && (
        <MultiChoiceGroup
          key={String(positive)}
          name="categories"
          legend={t(positive ? 'review.positiveLegend' : 'review.negativeLegend')}
          hint={t('review.categoriesHint')}
          options={side.map((category) => ({
            key: category,
            value: category,
            label: t(`review.category.${category}`),
          }))}
          values={categories}
          onChange={(next) => {
            setCategories(next);
            setErrors((current) => ({ ...current, categories: undefined }));
          }}
          error={errors.categories}
        />
      )}
      <TextAreaField
        label={t('review.noteLabel')}
        hint={t('review.noteHint')}
        maxLength={REVIEW_NOTE_MAX}
        rows={4}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.note}
      />
      <Button type="submit" size="lg" block pending={pending}>
        {t('review.submit')}
      </Button>
    </form>
  );
}
