import type { Image } from '@erun/contracts';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { AvatarUpload } from './avatar-upload.tsx';

/** Just enough of XMLHttpRequest to drive an upload from the test. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  url = '';
  requestHeaders: Record<string, string> = {};
  body: unknown = null;

  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name.toLowerCase()] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const image: Image = {
  id: '0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d',
  urls: { small: '/uploads/a-s.webp', medium: '/uploads/a-m.webp', large: '/uploads/a-l.webp' },
};

function setup() {
  FakeXhr.last = null;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  const onChange = vi.fn();
  renderWithProviders(<AvatarUpload image={null} nickname="달리는곰" onChange={onChange} />, {
    user: onboardedMe(),
  });
  // applyAccept off: the checks under test are ours, not the browser's file picker filter.
  return {
    onChange,
    events: userEvent.setup({ applyAccept: false }),
    input: screen.getByLabelText('사진 선택'),
  };
}

function fileOf(name: string, type: string, size: number) {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('AvatarUpload', () => {
  it('refuses non-images and files over 10 MB before uploading', async () => {
    const { events, input, onChange } = setup();

    await events.upload(input, fileOf('notes.txt', 'text/plain', 100));
    expect(screen.getByText('이미지 파일만 올릴 수 있어요.')).toBeTruthy();

    await events.upload(input, fileOf('huge.jpg', 'image/jpeg', 10 * 1024 * 1024 + 1));
    expect(screen.getByText('10MB 이하의 이미지만 올릴 수 있어요.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(FakeXhr.last).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('uploads with a progress bar and hands back the stored image', async () => {
    const { events, input, onChange } = setup();

    await events.upload(input, fileOf('me.png', 'image/png', 2048));
    const xhr = FakeXhr.last;
    if (!xhr) throw new Error('no upload started');
    expect(xhr.url).toBe('/api/uploads?purpose=avatar');
    expect(xhr.requestHeaders.authorization).toBe('Bearer test-access-token');
    expect(xhr.body).toBeInstanceOf(FormData);
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File);

    act(() => xhr.progress(1024, 2048));
    expect(screen.getByRole('progressbar', { name: '업로드 진행률' }).getAttribute('aria-valuenow')).toBe(
      '50',
    );

    await act(async () => xhr.respond(201, image));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(image));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('explains a type the server refuses (415)', async () => {
    const { events, input, onChange } = setup();
    await events.upload(input, fileOf('photo.heic', 'image/heic', 2048));
    const xhr = FakeXhr.last;
    if (!xhr) throw new Error('no upload started');

    await act(async () => xhr.respond(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported' }));

    // The error body is checked once the contracts' schemas have loaded (lib/deferred-endpoints.ts): a moment later.
    expect(
      await screen.findByText('지원하지 않는 파일 형식이에요. JPG, PNG, WEBP, HEIC 이미지를 올려 주세요.'),
    ).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });
});
