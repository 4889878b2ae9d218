import type { Course } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink } from '../../../../components/button.tsx';
import { ConfirmDialog } from '../../../../components/dialog.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useDeleteCourse } from '../../api/delete-course.ts';
import owner from '../../../../components/detail-page/owner-actions.module.css';

/** The author's edit and delete (asked first). */
export function AuthorActions({ course }: { course: Course }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const deleteCourse = useDeleteCourse();
  const [confirming, setConfirming] = useState(false);

  const remove = () =>
    deleteCourse.mutate(course.id, {
      onSuccess: () => {
        notify(t('courseDetail.delete.done'), 'info');
        void navigate('/courses');
      },
      onError: (error) => {
        setConfirming(false);
        notify(t(errorMessage(error).key), 'error');
      },
    });

  return (
    <div className={owner.actions} role="group" aria-label={t('courseDetail.authorActions')}>
      <ButtonLink to={`/courses/${course.id}/edit`} variant="outline" size="sm">
        {t('courseDetail.edit')}
      </ButtonLink>
      <Button variant="ghost" size="sm" className={owner.danger} onClick={() => setConfirming(true)}>
        {t('courseDetail.delete.button')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('courseDetail.delete.title')}
        message={t('courseDetail.delete.message')}
        confirmLabel={t('courseDetail.delete.confirm')}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
        pending={deleteCourse.isPending}
      />
    </div>
  );
}
