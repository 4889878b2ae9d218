import type { CreateRunParsed, Image, Run } from '@erun/contracts';
import { RUN_LIMITS } from '@erun/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepForm } from '../../../../components/step-form/step-form.tsx';
import { useZodForm } from '../../../../lib/form.ts';
import type { Message } from '../../../../lib/messages.ts';
import { useCreateRun } from '../../api/create-run.ts';
import { useUpdateRun } from '../../api/update-run.ts';
import type { RunDraft } from '../../utils/run-draft.ts';
import {
  changedRunFields,
  RUN_FIELD_MESSAGES,
  RUN_ISSUE_FIELDS,
  RUN_FORM_STEPS,
  runFormSchema,
  RUN_STEP_FIELDS,
  toRunPayload,
  type RunFormStep,
  type RunFormValues,
} from '../../utils/run-form.ts';
import type { RunHost } from '../../utils/run-preview.ts';
import { CourseStep } from './course-step.tsx';
import { PaceGroupsSection } from '../pace-groups/pace-groups-section.tsx';
import { CoHostSection, CrewSection } from './crew-section.tsx';
import { DetailsStep } from './details-step.tsx';
import { PhotosStep } from './photos-step.tsx';

/** What the page plugs in as the photos field (uploads live in another feature). */
export interface PhotosFieldProps {
  photos: Image[];
  onChange: (photos: Image[]) => void;
  max: number;
  onPendingChange: (pending: boolean) => void;
  error?: Message;
}

interface RunFormProps {
  initial: RunFormValues;
  initialStep?: RunFormStep;
  /** Editing this run; creating a new one when absent. */
  original?: Run;
  host: RunHost;
  /** Who edits (the host, a co-host or the crew's staff): co-hosts are the host's and staff's to choose. */
  viewerId?: string;
  renderPhotosField: (field: PhotosFieldProps) => ReactNode;
  onDraftChange?: (draft: RunDraft) => void;
  onSaved: (run: Run) => void;
  /** The page's own section after the details (the new run page's "정기런으로 반복"). */
  renderDetailsExtra?: (values: RunFormValues) => ReactNode;
  /** Publishes instead of creating the run when it returns true (a 정기런 is created as a series). */
  publishInstead?: (
    data: CreateRunParsed,
    values: RunFormValues,
    onError: (error: unknown) => void,
  ) => boolean;
  /** The page's own publishing is under way. */
  extraPending?: boolean;
}

/** Post or edit a run in three steps: course, details, photos (with a preview of the card). */
export function RunForm({ initial, initialStep, original, host, viewerId, ...props }: RunFormProps) {
  const { t } = useTranslation();
  const [photosPending, setPhotosPending] = useState(false);
  const createRun = useCreateRun();
  const updateRun = useUpdateRun();
  const [initialPayload] = useState(() => toRunPayload(initial));

  const form = useZodForm(runFormSchema({ now: Date.now, originalStartsAt: original?.startsAt }), initial, {
    issueFields: RUN_ISSUE_FIELDS,
    fieldMessages: RUN_FIELD_MESSAGES,
    codeFields: {
      START_TOO_SOON: 'startTime',
      UPLOAD_NOT_FOUND: 'photos',
      // A group someone joined meanwhile (the form only offers removing empty ones): said at the groups.
      PACE_GROUP_NOT_EMPTY: 'paceGroups',
      CAPACITY_BELOW_PARTICIPANTS: 'paceGroups',
    },
  });

  const publish = (data: CreateRunParsed, onError: (error: unknown) => void) => {
    if (!original && props.publishInstead?.(data, form.values, onError)) return;
    if (!original) return createRun.mutate(data, { onSuccess: props.onSaved, onError });
    const changes = changedRunFields(initialPayload, data);
    updateRun.mutate({ runId: original.id, changes }, { onSuccess: props.onSaved, onError });
  };

  return (
    <StepForm
      form={form}
      steps={RUN_FORM_STEPS}
      stepFields={RUN_STEP_FIELDS}
      initialStep={initialStep}
      fallbackStep="details"
      labels={{
        step: (s) => t(`runForm.steps.${s}`),
        previous: t('runForm.previous'),
        next: t('runForm.next'),
        submit: t(original ? 'runForm.saveEdit' : 'runForm.publish'),
      }}
      pending={createRun.isPending || updateRun.isPending || props.extraPending === true}
      submitDisabled={photosPending}
      onDraftChange={props.onDraftChange}
      onPublish={publish}
    >
      {(step) =>
        step === 'course' ? (
          <CourseStep form={form} />
        ) : step === 'details' ? (
          <>
            <DetailsStep form={form} />
            <PaceGroupsSection form={form} original={original} />
            <CrewSection form={form} original={original} />
            {original && mayChooseCoHosts(original, viewerId ?? host.id) && (
              <CoHostSection form={form} original={original} hostId={original.host.id} />
            )}
            {!original && props.renderDetailsExtra?.(form.values)}
          </>
        ) : (
          <PhotosStep form={form} host={host}>
            {props.renderPhotosField({
              photos: form.values.photos,
              onChange: (photos) => form.setValue('photos', photos),
              max: RUN_LIMITS.photosMax,
              onPendingChange: setPhotosPending,
              error: form.errorOf('photos'),
            })}
          </PhotosStep>
        )
      }
    </StepForm>
  );
}

/** Co-hosts are chosen by the host, or by the crew's staff (a crew run's manager who is not a co-host). */
function mayChooseCoHosts(run: Run, userId: string): boolean {
  if (run.host.id === userId) return true;
  return run.crew !== null && run.canManage && !run.coHosts.some((c) => c.id === userId);
}
