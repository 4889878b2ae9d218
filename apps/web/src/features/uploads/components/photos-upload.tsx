import type { Image } from '@erun/contracts';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/field-error.tsx';
import { ArrowDownIcon, ArrowUpIcon, CameraIcon, TrashIcon } from '../../../components/icons.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { uploadImage } from '../api/upload-image.ts';
import { checkImageFile, MAX_IMAGE_MB } from '../utils/check-image-file.ts';
import styles from './photos-upload.module.css';

export interface PhotosUploadProps {
  photos: Image[];
  onChange: (photos: Image[]) => void;
  max: number;
  onPendingChange?: (pending: boolean) => void;
  error?: Message;
  /** The field's label; "러닝 사진 (선택)" when not given. */
  label?: string;
}

interface Pending {
  key: number;
  name: string;
  preview: string | null;
  progress: number;
  error: Message | null;
  controller: AbortController;
}

let nextKey = 1;
const previewOf = (file: File) =>
  typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;

/** Several photos: each uploads as soon as it is picked, with its own progress; reorder and remove. */
export function PhotosUpload({ photos, onChange, max, onPendingChange, error, label }: PhotosUploadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState<Pending[]>([]);
  const [pickError, setPickError] = useState<Message | null>(null);
  // Uploads finish one by one after renders: each appends to the latest list, not the one it started with.
  const latest = useRef(photos);
  useEffect(() => {
    latest.current = photos;
  }, [photos]);
  const uploads = useRef(new Set<AbortController>());

  useEffect(() => {
    const running = uploads.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const uploading = pending.some((p) => p.error === null);
  useEffect(() => onPendingChange?.(uploading), [uploading, onPendingChange]);

  const update = (key: number, change: Partial<Pending>) =>
    setPending((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));

  function drop(key: number) {
    setPending((all) => {
      const gone = all.find((p) => p.key === key);
      if (gone?.preview) URL.revokeObjectURL(gone.preview);
      gone?.controller.abort();
      return all.filter((p) => p.key !== key);
    });
  }

  function start(file: File) {
    const item: Pending = {
      key: nextKey++,
      name: file.name,
      preview: previewOf(file),
      progress: 0,
      error: null,
      controller: new AbortController(),
    };
    uploads.current.add(item.controller);
    setPending((all) => [...all, item]);
    uploadImage({
      file,
      purpose: 'photo',
      signal: item.controller.signal,
      onProgress: (fraction) => update(item.key, { progress: fraction }),
    })
      .then((image) => {
        latest.current = [...latest.current, image];
        onChange(latest.current);
        drop(item.key);
      })
      .catch((failure: unknown) => {
        if (!item.controller.signal.aborted) update(item.key, { error: errorMessage(failure) });
      })
      .finally(() => uploads.current.delete(item.controller));
  }

  function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const room = max - photos.length - pending.length;
    setPickError(files.length > room ? { key: 'validation.photos.tooMany', values: { max } } : null);
    for (const file of files.slice(0, Math.max(0, room))) {
      const problem = checkImageFile(file);
      if (problem) setPickError(problem);
      else start(file);
    }
  }

  const move = (from: number, to: number) => {
    const next = [...photos];
    const [moved] = next.splice(from, 1);
    if (!moved) return;
    next.splice(to, 0, moved);
    onChange(next);
  };

  const full = photos.length + pending.length >= max;
  return (
    <div className={styles.upload} role="group" aria-labelledby={`${id}-label`}>
      <div className={styles.head}>
        <p id={`${id}-label`} className={styles.label}>
          {label ?? t('upload.photos.label')}
        </p>
        <p className={styles.count}>{t('upload.photos.count', { count: photos.length, max })}</p>
      </div>
      <p id={`${id}-hint`} className={styles.hint}>
        {t('upload.photos.hint', { max: MAX_IMAGE_MB })}
      </p>
      <ol className={styles.list}>
        {photos.map((photo, index) => (
          <li key={photo.id} className={styles.item}>
            <img
              src={photo.urls.small}
              alt={t('upload.photos.alt', { n: index + 1 })}
              className={styles.thumb}
            />
            {index === 0 && <span className={styles.cover}>{t('upload.photos.cover')}</span>}
            <div className={styles.tools}>
              <button
                type="button"
                className={styles.tool}
                onClick={() => move(index, index - 1)}
                disabled={index === 0}
                aria-label={t('upload.photos.moveUp', { n: index + 1 })}
              >
                <ArrowUpIcon width={18} height={18} />
              </button>
              <button
                type="button"
                className={styles.tool}
                onClick={() => move(index, index + 1)}
                disabled={index === photos.length - 1}
                aria-label={t('upload.photos.moveDown', { n: index + 1 })}
              >
                <ArrowDownIcon width={18} height={18} />
              </button>
              <button
                type="button"
                className={styles.tool}
                onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
                aria-label={t('upload.photos.remove', { n: index + 1 })}
              >
                <TrashIcon width={18} height={18} />
              </button>
            </div>
          </li>
        ))}
        {pending.map((item) => (
          <li key={item.key} className={styles.item} aria-busy={item.error === null}>
            {item.preview ? (
              <img src={item.preview} alt="" className={styles.thumb} />
            ) : (
              <span className={styles.thumb} />
            )}
            <div className={styles.status}>
              {item.error ? (
                <>
                  <FieldError id={`${id}-${item.key}-error`} error={item.error} />
                  <button type="button" className={styles.link} onClick={() => drop(item.key)}>
                    {t('upload.photos.dismiss', { name: item.name })}
                  </button>
                </>
              ) : (
                <ProgressBar
                  value={item.progress * 100}
                  label={t('upload.photos.progress', { name: item.name })}
                  valueText={t('upload.percent', { value: Math.round(item.progress * 100) })}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
      <label className={styles.picker} data-disabled={full || undefined}>
        <input
          type="file"
          accept="image/*,.heic,.heif"
          multiple
          className={styles.file}
          onChange={onFiles}
          disabled={full}
          aria-describedby={`${id}-hint ${id}-error`}
          aria-invalid={pickError || error ? true : undefined}
        />
        <CameraIcon width={20} height={20} />
        {t(full ? 'upload.photos.full' : 'upload.photos.add', { max })}
      </label>
      <FieldError id={`${id}-error`} error={pickError ?? error} />
    </div>
  );
}
