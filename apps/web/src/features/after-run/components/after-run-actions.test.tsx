import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { AfterRunActions } from './after-run-actions.tsx';

// The fixture run starts 2026-12-05 07:00 and ends 08:30 (Seoul).
const at = (iso: string) => Date.parse(iso);
const run = runFixture({ myStatus: 'joined' });
const me = onboardedMe();

describe('AfterRunActions', () => {
  it('offers the host 출석 체크 from 30 minutes before the start, not earlier', () => {
    mockApi({});
    renderOnce(HOST_ID, at('2026-12-05T06:20:00+09:00'));
    expect(screen.queryByRole('link')).toBeNull();
    cleanup();
    renderOnce(HOST_ID, at('2026-12-05T06:40:00+09:00'));
    expect(screen.getByRole('link', { name: '출석 체크' }).getAttribute('href')).toBe(
      `/runs/${RUN_ID}/attendance`,
    );
  });

  it('shows the host the record once the window closed', () => {
    mockApi({});
    renderOnce(HOST_ID, at('2026-12-07T09:00:00+09:00'));
    expect(screen.getByRole('link', { name: '출석 기록 보기' })).toBeTruthy();
  });

  it('offers 호스트 평가하기 to a participant marked present, after the end', async () => {
    mockApi({
      'GET /api/me/score-history': () =>
        jsonResponse(200, {
          score: 51,
          items: [{ delta: 1, reason: 'present', runId: RUN_ID, runTitle: run.title, at: run.endsAt }],
        }),
    });
    renderOnce(me.id, at('2026-12-05T10:00:00+09:00'));
    expect((await screen.findByRole('link', { name: '호스트 평가하기' })).getAttribute('href')).toBe(
      `/runs/${RUN_ID}/review`,
    );
  });
});

function renderOnce(viewerId: string, now: number) {
  const user = viewerId === HOST_ID ? onboardedMe({ id: HOST_ID }) : me;
  // The server says who manages the run (canManage): here, its host.
  const seen = { ...run, canManage: viewerId === HOST_ID };
  renderWithProviders(<AfterRunActions run={seen} viewerId={viewerId} now={now} />, { user });
}
