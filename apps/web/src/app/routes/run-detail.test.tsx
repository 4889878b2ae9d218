import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { commentFixture, HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';

const crewMember = { id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', nickname: '달리는곰', runningLevel: null };
import { renderApp } from '../../test/render.tsx';

// Leaflet is exercised in the browser journeys; here the page around the map is under test.
vi.mock('../../components/map/lazy.tsx', () => ({ RouteMap: () => null, RouteEditor: () => null }));

describe('/runs/:runId', () => {
  it('shows the run: times in Seoul, map links, plain-text description, host and crew', async () => {
    const run = runFixture({ description: '첫 줄\n<b>둘째 줄</b>' });
    const question = commentFixture({ content: '주차 가능한가요?', author: { ...crewMember, avatar: null } });
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/comments*`]: () => jsonResponse(200, { items: [question], nextCursor: null }),
    });
    renderApp(`/runs/${RUN_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '토요일 아침 한강 10K' })).toBeTruthy();
    const facts = screen.getByText('모이는 시간').closest('dl') as HTMLElement;
    expect(facts.textContent).toContain('2026년 12월 5일 토요일');
    expect(facts.textContent).toContain('06:45');
    expect(facts.textContent).toContain('08:30');
    expect(screen.getByRole('link', { name: /카카오맵에서 보기/ }).getAttribute('href')).toBe(
      'https://map.kakao.com/link/map/%EC%97%AC%EC%9D%98%EB%82%98%EB%A3%A8%EC%97%AD%202%EB%B2%88%20%EC%B6%9C%EA%B5%AC,37.5271,126.9326',
    );
    expect(screen.getByRole('link', { name: /네이버 지도에서 보기/ }).getAttribute('href')).toContain(
      'slng=126.9326&slat=37.5271',
    );
    const about = screen.getByRole('region', { name: '상세 소개' });
    expect(about.querySelector('b')).toBeNull();
    expect(about.textContent).toContain('<b>둘째 줄</b>');
    expect(screen.getByText('굿러너 레벨 62 km')).toBeTruthy();
    expect(screen.getByText('개설한 러닝 12회')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '취소하기' })).toBeNull();
    // Questions (문의) under the run, newest first; signed out, a way to log in and ask.
    const qna = screen.getByRole('region', { name: '문의' });
    expect(await within(qna).findByText('주차 가능한가요?')).toBeTruthy();
    expect(within(qna).getByRole('link', { name: '로그인하고 문의 남기기' })).toBeTruthy();
  });

  it('gives the host edit, cancel and remove-with-a-reason', async () => {
    const crew = {
      id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
      nickname: '달리는곰',
      avatar: null,
      runningLevel: null,
    };
    const run = runFixture({
      participants: [...runFixture().participants, crew],
      participantCount: 2,
      canManage: true,
    });
    const host = onboardedMe({ id: HOST_ID, nickname: '한강크루장' });
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`DELETE /api/runs/${RUN_ID}/participants/${crew.id}`]: () => new Response(null, { status: 204 }),
    });
    const { events } = renderApp(`/runs/${RUN_ID}`, { user: host });

    expect((await screen.findByRole('link', { name: '수정' })).getAttribute('href')).toBe(
      `/runs/${RUN_ID}/edit`,
    );
    await events.click(screen.getByRole('button', { name: '달리는곰 님 내보내기' }));
    const dialog = screen.getByRole('dialog', { name: '달리는곰 님을 내보낼까요?' });
    await events.click(within(dialog).getByRole('button', { name: '내보내기' }));
    expect(within(dialog).getByText('내보내는 이유를 적어 주세요.')).toBeTruthy();

    await events.type(within(dialog).getByLabelText('내보내는 이유'), '연락 없이 불참');
    await events.click(within(dialog).getByRole('button', { name: '내보내기' }));
    expect(await screen.findByText('달리는곰 님을 내보냈어요.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')?.body).toEqual({ reason: '연락 없이 불참' });
  });

  it('shows whoever manages the run each runner’s record beside their name; others never ask for it', async () => {
    const newcomer = {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      nickname: '새로온곰',
      avatar: null,
      runningLevel: null,
    };
    const regular = {
      id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
      nickname: '달리는곰',
      avatar: null,
      runningLevel: null,
    };
    const participants = [...runFixture().participants, regular, newcomer];
    const record = (userId: string, present: number, absent: number, rate: number | null) => ({
      userId,
      joined: present + absent,
      present,
      absent,
      lateCancellations: 0,
      attendanceRate: rate,
    });
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () =>
        jsonResponse(200, runFixture({ participants, participantCount: 3, canManage: true })),
      [`GET /api/runs/${RUN_ID}/reliability`]: () =>
        jsonResponse(200, { items: [record(regular.id, 12, 1, 92), record(newcomer.id, 1, 0, null)] }),
    });
    const host = onboardedMe({ id: HOST_ID, nickname: '한강크루장' });
    renderApp(`/runs/${RUN_ID}`, { user: host });
    const list = (await screen.findByRole('link', { name: '달리는곰' })).closest('ul') as HTMLElement;
    const item = (name: string) => within(list).getByRole('link', { name }).closest('li') as HTMLElement;
    expect(await within(item('달리는곰')).findByText('출석률 92% · 노쇼 1')).toBeTruthy();
    expect(within(item('새로온곰')).getByText('새 러너')).toBeTruthy();
    expect(within(item('한강크루장')).queryByText(/출석률|새 러너/)).toBeNull();
    expect(calls.filter((c) => c.path === `/api/runs/${RUN_ID}/reliability`)).toHaveLength(1);
  });

  it('a runner who does not manage the run sees no records and asks for none', async () => {
    const regular = {
      id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
      nickname: '달리는곰',
      avatar: null,
      runningLevel: null,
    };
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () =>
        jsonResponse(
          200,
          runFixture({ participants: [...runFixture().participants, regular], participantCount: 2 }),
        ),
    });
    renderApp(`/runs/${RUN_ID}`, { user: onboardedMe() });
    expect(await screen.findByRole('link', { name: '달리는곰' })).toBeTruthy();
    expect(screen.queryByText(/출석률|새 러너/)).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/reliability'))).toBe(false);
  });

  it('answers an unknown run with a friendly not-found state', async () => {
    mockApi({});
    renderApp(`/runs/${RUN_ID}`);
    expect(await screen.findByText('그룹 러닝을 찾을 수 없어요')).toBeTruthy();
    expect(screen.getByRole('link', { name: '그룹 러닝 목록으로' }).getAttribute('href')).toBe('/runs');
  });
});
