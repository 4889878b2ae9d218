import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/render.tsx';

const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });
const year = new Date().getFullYear();

describe('the restriction banner', () => {
  it('tells a suspended user until when, why, and what they can still do', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    const user = onboardedMe({
      restriction: { kind: 'suspended', until: `${year}-12-20T03:00:00.000Z`, reason: '반복된 욕설' },
    });
    renderApp('/courses', { user });
    const banner = await screen.findByRole('complementary', { name: '계정 이용 제한 안내' });
    expect(banner.textContent).toContain('이용이 제한된 계정이에요 (12월 20일까지).');
    expect(banner.textContent).toContain('사유: 반복된 욕설');
    expect(banner.textContent).toContain('글쓰기·러닝 참여·모임 열기는 할 수 없어요');
  });

  it('says a ban has no end', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    renderApp('/courses', {
      user: onboardedMe({ restriction: { kind: 'banned', until: null, reason: null } }),
    });
    const banner = await screen.findByRole('complementary', { name: '계정 이용 제한 안내' });
    expect(banner.textContent).toContain('이용이 정지된 계정이에요.');
    expect(banner.textContent).not.toContain('사유');
  });

  it('is not there for an account in good standing', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    renderApp('/courses', { user: onboardedMe({ emailVerified: false }) });
    // The account's banners arrive together (a chunk of their own): the other one says they are in.
    await screen.findByRole('complementary', { name: '이메일 인증 안내' });
    expect(screen.queryByRole('complementary', { name: '계정 이용 제한 안내' })).toBeNull();
  });
});
