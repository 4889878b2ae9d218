import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { processImage } from './image-processing.ts';

// Counts every sharp pipeline opened on an input (one reads the header, one decodes) and the decodes running at
// once. Issue 12: each width was decoded from the upload again, and 8 parallel uploads decoded at once (671 MB).
const opened = vi.hoisted(() => ({ inputs: [] as unknown[], decoding: 0, mostDecoding: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const actual = (await importOriginal<{ default: typeof sharp }>()).default;
  const counting = (...args: Parameters<typeof sharp>) => {
    opened.inputs.push(args[0]);
    const pipeline = actual(...args);
    if (!Buffer.isBuffer(args[0]) || args[1]?.raw) return pipeline;
    const toBuffer = pipeline.toBuffer.bind(pipeline) as (options?: object) => Promise<unknown>;
    const decode = async (options?: object) => {
      opened.mostDecoding = Math.max(opened.mostDecoding, ++opened.decoding);
      try {
        return await toBuffer(options);
      } finally {
        opened.decoding -= 1;
      }
    };
    return Object.assign(pipeline, { toBuffer: decode });
  };
  return { default: Object.assign(counting, actual) };
});

beforeEach(() => {
  opened.inputs = [];
  opened.mostDecoding = 0;
});

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

describe('processImage', () => {
  it.each(['photo', 'avatar'] as const)(
    'reads the header once and decodes the image once for all three widths (%s)',
    async (purpose) => {
      const input = await photo(3000, 2000);
      opened.inputs = [];
      const image = await processImage(input, purpose);
      expect(opened.inputs.filter((i) => i === input)).toHaveLength(2);
      const widths = await Promise.all(
        Object.values(image.variants).map(async (v) => (await sharp(v).metadata()).width),
      );
      expect(widths).toEqual(purpose === 'photo' ? [400, 800, 1600] : [96, 256, 512]);
    },
  );

  it('decodes at most two images at a time, however many arrive together', async () => {
    const inputs = await Promise.all(Array.from({ length: 6 }, (_, i) => photo(900 + i, 600)));
    opened.mostDecoding = 0;
    await Promise.all(inputs.map((input) => processImage(input, 'photo')));
    expect(opened.mostDecoding).toBe(2);
  }, 20_000);
});
