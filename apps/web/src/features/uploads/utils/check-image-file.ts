import type { Message } from '../../../lib/messages.ts';

export const MAX_IMAGE_MB = 10;
const MAX_IMAGE_BYTES = MAX_IMAGE_MB * 1024 * 1024;
// Some systems give HEIC photos no MIME type; the server checks the real type by content anyway.
const UNTYPED_IMAGE = /\.(heic|heif)$/i;

/** Client-side checks before an upload; null when the file may be sent. */
export function checkImageFile(file: File): Message | null {
  const isImage = file.type.startsWith('image/') || (file.type === '' && UNTYPED_IMAGE.test(file.name));
  if (!isImage) return { key: 'upload.notImage' };
  if (file.size > MAX_IMAGE_BYTES) return { key: 'upload.tooLarge', values: { max: MAX_IMAGE_MB } };
  return null;
}
