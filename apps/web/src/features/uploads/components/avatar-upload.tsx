import type { Image } from '@erun/contracts';
import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { FieldError } from '../../../components/field-error.tsx';
import { CameraIcon } from '../../../components/icons.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useUploadImage } from '../api/upload-image.ts';
import { checkImageFile, MAX_IMAGE_MB } from '../utils/check-image-file.ts';
import styles from './avatar-upload.module.css';

interface AvatarUploadProps {
  image: Image | null;
  nickname: string;
  onChange: (image: Image | null) => void;
  onPendingChange?: (pending: boolean) => void;
}

function objectUrlOf(file: File): string | null {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
}

/** Picks, checks and uploads an avatar, with a local preview and a progress bar while it uploads. */
export function AvatarUpload({ image, nickname, onChange, onPendingChange }: AvatarUploadProps) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadImage();
  const [error, setError] = useState<Message | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (preview === null) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // so picking the same file again still fires a change
    if (!file) return;
    const problem = checkImageFile(file);
    setError(problem);
    if (problem) return;
    setPreview(objectUrlOf(file));
    onPendingChange?.(true);
    upload.mutate(
      { file, purpose: 'avatar' },
      {
        onSuccess: (uploaded) => onChange(uploaded),
        onError: (failure) => setError(errorMessage(failure)),
        onSettled: () => {
          setPreview(null);
          onPendingChange?.(false);
        },
      },
    );
  }

  const percent = Math.round((upload.progress ?? 0) * 100);
  return (
    <div className={styles.upload} role="group" aria-labelledby={`${id}-label`}>
      <Avatar image={image} name={nickname} size="lg" previewUrl={preview} />
      <div className={styles.controls}>
        <p id={`${id}-label`} className={styles.label}>
          {t('upload.avatar.label')}
        </p>
        <div className={styles.buttons}>
          <label className={styles.picker} data-pending={upload.isPending || undefined}>
            <input
              type="file"
              accept="image/*,.heic,.heif"
              className={styles.file}
              onChange={onFile}
              disabled={upload.isPending}
              aria-describedby={`${id}-hint ${id}-error`}
              aria-invalid={error ? true : undefined}
            />
            <CameraIcon width={20} height={20} />
            {t(image ? 'upload.avatar.change' : 'upload.avatar.choose')}
          </label>
          {image && !upload.isPending && (
            <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
              {t('upload.avatar.remove')}
            </Button>
          )}
        </div>
        <p id={`${id}-hint`} className={styles.hint}>
          {t('upload.hint', { max: MAX_IMAGE_MB })}
        </p>
        {upload.progress !== null && (
          <ProgressBar
            value={percent}
            label={t('upload.progress')}
            valueText={t('upload.percent', { value: percent })}
          />
        )}
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </div>
  );
}
