import sharp from 'sharp';
import { UnsupportedMediaTypeError } from '../../lib/errors.ts';

export const UPLOAD_PURPOSES = ['avatar', 'photo'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export const IMAGE_SIZES = ['small', 'medium', 'large'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

// Avatars are square crops; photos keep their aspect ratio inside the box.
const WIDTHS: Record<UploadPurpose, Record<ImageSize, number>> = {
  avatar: { small: 96, medium: 256, large: 512 },
  photo: { small: 400, medium: 800, large: 1600 },
};

// Decided by the bytes, never by the file name or the client's content type. SVG (scripts) and PDF are refused.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);
// 50 megapixels: a decompression bomb is refused before it is decoded.
const MAX_INPUT_PIXELS = 50_000_000;

export interface ProcessedImage {
  width: number;
  height: number;
  variants: Record<ImageSize, Buffer>;
}

/** Re-encodes an image to WebP in three widths; sharp drops all metadata (EXIF, GPS, ICC) unless asked. */
export async function processImage(input: Buffer, purpose: UploadPurpose): Promise<ProcessedImage> {
  const metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .metadata()
    .catch(() => undefined);
  if (!metadata?.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new UnsupportedMediaTypeError('Only JPEG, PNG, WebP, GIF, HEIC/AVIF or TIFF images are accepted');
  }
  const variants = {} as Record<ImageSize, Buffer>;
  try {
    for (const size of IMAGE_SIZES) variants[size] = await encode(input, purpose, WIDTHS[purpose][size]);
  } catch {
    throw new UnsupportedMediaTypeError('The image could not be read');
  }
  const upright = (metadata.orientation ?? 1) >= 5;
  return {
    width: upright ? metadata.height : metadata.width,
    height: upright ? metadata.width : metadata.height,
    variants,
  };
}

function encode(input: Buffer, purpose: UploadPurpose, width: number): Promise<Buffer> {
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  const resized =
    purpose === 'avatar'
      ? image.resize(width, width, { fit: 'cover' })
      : image.resize({ width, height: width, fit: 'inside', withoutEnlargement: true });
  return resized.webp({ quality: 80 }).toBuffer();
}
