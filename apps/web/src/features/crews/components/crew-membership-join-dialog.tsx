import { CREW_LIMITS, type CrewMembershipCrew } from '@erun/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import styles from './crew-membership.module.css';

interface CrewJoinDialogProps {
  open: boolean;
  crew: Pick<CrewMembershipCrew, 'name' | 'questions'>;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (answers: string[]) => void;
}

/** The join request of an approval crew: the crew's questions (up to 3), each answered in ≤ 300 characters. */
export function CrewJoinDialog({ open, crew, pending, onCancel, onSubmit }: CrewJoinDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [answers, setAnswers] = useState<string[]>(() => crew.questions.map(() => ''));
  const [tried, setTried] = useState(false);
  const missing = answers.map((a) => a.trim() === '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing.some(Boolean)) return;
    onSubmit(answers.map((a) => a.trim()));
  };
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      variant="sheet"
      title={t('crewMembers.dialog.title', { name: crew.name })}
      actions={
        <>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} pending={pending}>
            {t('crewMembers.actions.request')}
          </Button>
        </>
      }
    >
      <form id={formId} className={styles.questions} onSubmit={submit} noValidate>
        <p>
          {crew.questions.length > 0 ? t('crewMembers.dialog.intro') : t('crewMembers.dialog.noQuestions')}
        </p>
        {crew.questions.map((question, i) => (
          <Answer
            key={question}
            question={question}
            value={answers[i] ?? ''}
            invalid={tried && missing[i] === true}
            onChange={(value) => setAnswers((all) => all.map((a, j) => (j === i ? value : a)))}
          />
        ))}
      </form>
    </Dialog>
  );
}

function Answer({
  question,
  value,
  invalid,
  onChange,
}: {
  question: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <label className={styles.question}>
      {question}
      <textarea
        className={styles.answer}
        value={value}
        maxLength={CREW_LIMITS.answerMax}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className={styles.count}>
        {value.length}/{CREW_LIMITS.answerMax}
      </span>
      {invalid && (
        <span id={errorId} className={styles.error}>
          {t('crewMembers.dialog.required')}
        </span>
      )}
    </label>
  );
}
