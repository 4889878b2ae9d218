import { COMMENT_MAX, WriteCommentSchema } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import styles from './comments.module.css';

interface CommentBoxProps {
  label: string;
  placeholder?: string;
  submitLabel: string;
  initial?: string;
  /** Resolves when saved (the box is then reset by its owner); a rejection keeps the text and explains. */
  onSubmit: (content: string) => Promise<unknown>;
  onCancel?: () => void;
  pending: boolean;
  autoFocus?: boolean;
  rows?: number;
  /** Why this account may not write now (suspended or banned): the box shows disabled, saying so. */
  disabledReason?: string;
}

/** Writing a comment, a reply or an edit: 1–1000 characters with a counter; nothing is lost when sending fails. */
export function CommentBox({
  label,
  placeholder,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  pending,
  autoFocus,
  rows = 3,
  disabledReason,
}: CommentBoxProps) {
  const { t } = useTranslation();
  const form = useZodForm(WriteCommentSchema, { content: initial });
  const empty = form.values.content.trim() === '';
  const submit = form.handleSubmit(({ content }) => {
    onSubmit(content).catch((error: unknown) => form.applyServerError(error));
  });
  return (
    <form className={styles.box} onSubmit={submit} noValidate aria-busy={pending || undefined}>
      <FormAlert message={form.formError} />
      <TextAreaField
        label={label}
        placeholder={placeholder}
        maxLength={COMMENT_MAX}
        rows={rows}
        // The box opens because the user asked to write: taking focus is what they expect.
        autoFocus={autoFocus}
        disabled={disabledReason !== undefined}
        hint={disabledReason}
        {...form.register('content')}
      />
      <div className={styles.boxActions}>
        {onCancel && (
          <Button variant="ghost" size="sm" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" size="sm" pending={pending} disabled={empty || disabledReason !== undefined}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
