import { randomUUID } from 'node:crypto';
import type { Image, UploadPurpose } from '@erun/contracts';
import { AppError, NotFoundError } from '../../lib/errors.ts';
import type { DiskSpace } from '../../ports/disk.ts';
import type { FileStorage } from '../../ports/storage.ts';
import { IMAGE_SIZES, processImage } from './image-processing.ts';
import type { UploadsRepository } from './uploads.repository.ts';

/** An upload not attached within this time (a run never published, an avatar replaced) is removed. */
export const ORPHAN_GRACE_MS = 24 * 3600 * 1000;

export class UploadsService {
  constructor(
    private readonly repo: UploadsRepository,
    private readonly storage: FileStorage,
    /** Where the files go, when it is a local disk: a full one refuses uploads with 507 (issue 13). */
    private readonly disk?: DiskSpace,
  ) {}

  /**
   * Stores a re-encoded image. Files are written first and removed again if the row cannot be written, so an
   * upload answered 201 is stored, and one that failed leaves no row. A full disk (below the free-space minimum,
   * or ENOSPC on the way) answers 507, an object store that is down or too slow 503, never a 500.
   */
  async create(ownerId: string, purpose: UploadPurpose, data: Buffer): Promise<Image> {
    if (await this.disk?.low()) throw storageFull();
    const image = await processImage(data, purpose);
    const id = randomUUID();
    try {
      // Every write settles before any clean-up, so none lands after the folder was removed.
      const writes = await Promise.allSettled(
        IMAGE_SIZES.map((size) => this.storage.put(`${id}/${size}.webp`, image.variants[size], 'image/webp')),
      );
      const failed = writes.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
      const bytes = IMAGE_SIZES.reduce((sum, size) => sum + image.variants[size].length, 0);
      await this.repo.insert({ id, ownerId, purpose, width: image.width, height: image.height, bytes });
    } catch (error) {
      // Best effort: when the store itself is down this fails too, and the first error is the one to answer
      // (an object store's is 503). Files without a row are never linked to; they only take space.
      await this.storage.deletePrefix(id).catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw storageFull();
      throw error;
    }
    return this.imageOf(id);
  }

  /** Throws 404 unless the upload exists, belongs to the user and was made for this purpose. */
  async requireOwn(ownerId: string, id: string, purpose: UploadPurpose): Promise<void> {
    const row = await this.repo.findOwn(ownerId, id);
    if (!row || row.purpose !== purpose) throw new NotFoundError('UPLOAD_NOT_FOUND', 'Upload not found');
  }

  /** Throws 404 unless every id is one of the user's uploads for this purpose. */
  async requireOwnMany(ownerId: string, ids: string[], purpose: UploadPurpose): Promise<void> {
    if ((await this.repo.countOwn(ownerId, ids, purpose)) !== new Set(ids).size) {
      throw new NotFoundError('UPLOAD_NOT_FOUND', 'Upload not found');
    }
  }

  /** Removes uploads nobody used within a day, rows first so a crash leaves stray files, never broken links. */
  async purgeUnreferenced(now: Date): Promise<number> {
    const ids = await this.repo.deleteUnreferenced(new Date(now.getTime() - ORPHAN_GRACE_MS));
    await this.removeFiles(ids);
    return ids.length;
  }

  /** Deletes uploads whose owner object went away (a deleted course's photos): rows, then files. */
  async deleteMany(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.repo.deleteByIds(ids);
    await this.removeFiles(ids);
  }

  /**
   * The files of uploads whose rows are already deleted (committed): a store that fails now (an S3 outage) must
   * not turn the deletion into an error, since it happened. The adapter logs each folder it could not remove.
   */
  private async removeFiles(ids: string[]): Promise<void> {
    for (const id of ids) await this.storage.deletePrefix(id).catch(() => undefined);
  }

  imageOf(id: string): Image {
    const url = (size: string) => this.storage.urlOf(`${id}/${size}.webp`);
    return { id, urls: { small: url('small'), medium: url('medium'), large: url('large') } };
  }
}

function storageFull(): AppError {
  return new AppError(507, 'INSUFFICIENT_STORAGE', 'No room to store images right now; try again later');
}
