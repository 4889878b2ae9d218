import { endpoints, type Image, type UploadPurpose } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiClient, pathOf } from '../../../lib/api-client.ts';

export interface UploadImageInput {
  file: File;
  purpose: UploadPurpose;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadImage({ file, purpose, onProgress, signal }: UploadImageInput): Promise<Image> {
  const form = new FormData();
  form.append('file', file);
  const upload = endpoints.uploadImage;
  return apiClient.upload(pathOf(upload, {}, { purpose }), form, upload.response, { onProgress, signal });
}

/** Uploads one image and reports progress as a 0–1 fraction (null when no upload is running). */
export function useUploadImage() {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (input: Omit<UploadImageInput, 'onProgress'>) => {
      setProgress(0);
      return uploadImage({ ...input, onProgress: setProgress });
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}
