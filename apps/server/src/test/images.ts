import sharp from 'sharp';

/** A JPEG with camera EXIF including GPS coordinates, as a phone would upload it. */
export function jpegWithGps(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Runner 1', Orientation: '1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '37/1 31/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 56/1 0/1',
      },
    })
    .toBuffer();
}

export function png(width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#68F99E' } })
    .png()
    .toBuffer();
}

/** A multipart body with one file field, as browsers send it. */
export function multipart(data: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = `----erun${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
