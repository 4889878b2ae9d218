import type { UploadPurpose } from '@erun/contracts';
import pLimit from 'p-limit';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../../lib/errors.ts';

export const IMAGE_SIZES = ['small', 'medium', 'large'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

// Avatars are square crops; photos keep their aspect ratio inside the box. Largest first: the others come from it.
const WIDTHS: Record<UploadPurpose, Record<ImageSize, number>> = {
  avatar: { small: 96, medium: 256, large: 512 },
  photo: { small: 400, medium: 800, large: 1600 },
};

// Decided by the bytes, never by the file name or the client's content type. SVG (scripts) and PDF are refused.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);
/**
 * 40 megapixels: every phone's default photo (12–24 MP, 48 MP sensors save 12 or 24) fits; a 7000×7000 image
 * (49 MP, a few hundred KB as PNG) does not. Checked from the header before anything is decoded.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
// Decoding is the memory-hungry step (a 40 MP image is ~120 MB of pixels): at most this many at once per
// process, the rest wait their turn. libvips' operation cache only keeps finished images alive: off.
const PARALLEL_DECODES = 2;
const decodeSlots = pLimit(PARALLEL_DECODES);
sharp.cache(false);

export interface ProcessedImage {
  width: number;
  height: number;
  variants: Record<ImageSize, Buffer>;
}

/** Re-encodes an image to WebP in three widths; sharp drops all metadata (EXIF, GPS, ICC) unless asked. */
export async function processImage(input: Buffer, purpose: UploadPurpose): Promise<ProcessedImage> {
  const metadata = await headerOf(input);
  if (!metadata?.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new UnsupportedMediaTypeError('JPG, PNG, WEBP, GIF, HEIC/AVIF, TIFF 이미지만 올릴 수 있어요.');
  }
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new PayloadTooLargeError(
      `사진 해상도가 너무 높아요(${metadata.width}×${metadata.height}). 4000만 화소 이하로 줄여서 올려 주세요.`,
      'IMAGE_TOO_LARGE',
    );
  }
  const variants = await decodeSlots(() => encodeAll(input, purpose)).catch(() => {
    throw new UnsupportedMediaTypeError('이미지를 읽을 수 없어요. 다른 파일로 올려 주세요.');
  });
  const upright = (metadata.orientation ?? 1) >= 5;
  return {
    width: upright ? metadata.height : metadata.width,
    height: upright ? metadata.width : metadata.height,
    variants,
  };
}

/** Reads the header alone (nothing is decoded); undefined for bytes that are no image, empty ones included. */
async function headerOf(input: Buffer): Promise<Metadata | undefined> {
  try {
    return await sharp(input).metadata();
  } catch {
    return undefined;
  }
}

/** Decodes the input once, into the largest size; every smaller size is resized from those pixels. */
async function encodeAll(input: Buffer, purpose: UploadPurpose): Promise<Record<ImageSize, Buffer>> {
  const decoded = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  const { data, info } = await fit(decoded, purpose, WIDTHS[purpose].large)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const variants = {} as Record<ImageSize, Buffer>;
  for (const size of IMAGE_SIZES) {
    variants[size] = await fit(sharp(data, { raw }), purpose, WIDTHS[purpose][size])
      .webp({ quality: 80 })
      .toBuffer();
  }
  return variants;
}

function fit(image: Sharp, purpose: UploadPurpose, width: number): Sharp {
  return purpose === 'avatar'
    ? image.resize(width, width, { fit: 'cover' })
    : image.resize({ width, height: width, fit: 'inside', withoutEnlargement: true });
}
