import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addDays, seoulToday } from '../../../../lib/datetime.ts';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { onboardedMe, runFixture } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { EMPTY_RUN_FORM, type RunFormValues } from '../../utils/run-form.ts';
import { RunForm } from './run-form.tsx';

const me = onboardedMe();
const host = { ...me, runsHosted: 0 };
const course: RunFormValues = {
  ...EMPTY_RUN_FORM,
  route: [
    [37.5271, 126.9326],
    [37.5201, 126.9402],
  ],
  placeName: '여의나루역 2번 출구',
  region: 'seoul',
};

function renderForm(onSaved = vi.fn()) {
  const view = renderWithProviders(
    <RunForm
      initial={course}
      initialStep="details"
      host={host}
      onSaved={onSaved}
      renderPhotosField={() => null}
    />,
    { user: me },
  );
  return { ...view, onSaved };
}

/** The error text a control points at with aria-describedby. */
function errorOf(label: string): string {
  const control = screen.getByLabelText(label);
  const ids = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function describedText(label: string, suffix: string): string {
  const ids = (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .filter((id) => id.endsWith(suffix))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function change(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('RunForm details step', () => {
  it('shows every problem beside its field and stays on the step', async () => {
    const { calls } = mockApi({});
    const { events } = renderForm();

    change('그룹 러닝 이름', '토요일 아침 한강');
    change('날짜', addDays(seoulToday(), -1));
    change('출발 시간', '07:00');
    change('종료 예정 시간', '06:30');
    change('모집 인원', '1');
    await events.click(screen.getByRole('radio', { name: '강변' }));
    await events.click(screen.getByRole('button', { name: '다음' }));

    // A past day is the date's mistake (issue 18: it was said on the start time).
    expect(errorOf('날짜')).toBe('지난 날짜예요. 오늘 이후의 날짜를 골라 주세요.');
    expect(errorOf('출발 시간')).toBe('');
    // An end before the start is the next day, and says so.
    expect(errorOf('종료 예정 시간')).toBe('');
    expect(describedText('종료 예정 시간', '-hint')).toBe('다음날 06:30에 끝나요.');
    expect(errorOf('모집 인원')).toBe('모집 인원은 크루장 포함 2–100명이에요.');
    expect(screen.getByLabelText('모집 인원').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('그룹 러닝 이름')).toBe('');
    expect(screen.getByRole('heading', { name: '러닝 정보' })).toBeTruthy();
    // Nothing posted (the form only asked which crews the user is staff of).
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('says a title over 40 characters with a live counter instead of cutting it', async () => {
    mockApi({});
    const { events } = renderForm();
    const long = '가'.repeat(45);
    change('그룹 러닝 이름', long);
    expect(screen.getByLabelText<HTMLInputElement>('그룹 러닝 이름').value).toBe(long);
    expect(describedText('그룹 러닝 이름', '-counter')).toBe('45/40자');
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(errorOf('그룹 러닝 이름')).toBe('그룹 러닝 이름은 40자 이하여야 해요.');
  });

  it('refuses pace seconds above 59 beside the pace', async () => {
    mockApi({});
    const { events } = renderForm();
    change('분', '5');
    change('초', '75');
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByText('초는 0–59 사이로 적어 주세요. (예: 5분 30초)')).toBeTruthy();
  });

  it('asks for the required fields first', async () => {
    mockApi({});
    const { events } = renderForm();
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(errorOf('그룹 러닝 이름')).toBe('그룹 러닝 이름은 2자 이상이어야 해요.');
    expect(errorOf('날짜')).toBe('날짜를 골라 주세요.');
    expect(errorOf('출발 시간')).toBe('시간을 정해 주세요.');
    expect(screen.getByText('러닝 테마를 골라 주세요.')).toBeTruthy();
  });

  it('publishes with Seoul times (+09:00) and keeps the values when the server refuses', async () => {
    const day = addDays(seoulToday(), 3);
    let refuse = true;
    const { calls } = mockApi({
      'POST /api/runs': () =>
        refuse
          ? jsonResponse(400, { code: 'START_TOO_SOON', message: 'Start at least one hour from now' })
          : jsonResponse(201, runFixture()),
    });
    const { events, onSaved } = renderForm();

    change('그룹 러닝 이름', '토요일 아침 한강');
    change('날짜', day);
    change('출발 시간', '07:00');
    change('모이는 시간 (선택)', '06:45');
    change('종료 예정 시간', '08:30');
    fireEvent.change(screen.getByRole('spinbutton', { name: '분' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '초' }), { target: { value: '30' } });
    expect(screen.getByText(`5'30"/km 로 달려요`)).toBeTruthy();
    await events.click(screen.getByRole('radio', { name: '강변' }));
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByRole('heading', { name: '사진' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '목록에서 이렇게 보여요' })).toBeTruthy();

    await events.click(screen.getByRole('button', { name: '게시하기' }));
    // Back on the step with the field, the message beside it, every value still there.
    expect(await screen.findByRole('heading', { name: '러닝 정보' })).toBeTruthy();
    expect(errorOf('출발 시간')).toBe('출발 시간은 지금부터 1시간 이후여야 해요.');
    expect(screen.getByLabelText('그룹 러닝 이름')).toHaveProperty('value', '토요일 아침 한강');

    refuse = false;
    change('출발 시간', '07:10');
    await events.click(screen.getByRole('button', { name: '다음' }));
    await events.click(await screen.findByRole('button', { name: '게시하기' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());

    expect(calls.at(-1)?.body).toEqual({
      title: '토요일 아침 한강',
      description: '',
      startsAt: `${day}T07:10:00+09:00`,
      endsAt: `${day}T08:30:00+09:00`,
      meetAt: `${day}T06:45:00+09:00`,
      joinDeadline: `${day}T06:10:00+09:00`,
      meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
      route: course.route,
      segmentStarts: [],
      capacity: 10,
      theme: 'riverside',
      region: 'seoul',
      paceSecPerKm: 330,
      parking: null,
      baggage: null,
      photoIds: [],
      crewId: null,
      visibility: 'public',
      guestSeats: null,
      coHostIds: [],
      minAttendanceRate: null,
      paceGroups: null,
      womenOnly: false,
    });
  });
});

describe('RunForm crew section', () => {
  const crew = {
    id: '6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a',
    name: '반포새벽런',
    logo: null,
    role: 'staff',
    memberCount: 12,
  };

  it('stays hidden for a user who staffs no crew', async () => {
    mockApi({ 'GET /api/me/crews?role=staff': () => jsonResponse(200, { items: [] }) });
    renderForm();
    expect(await screen.findByRole('heading', { name: '러닝 정보' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '크루 러닝' })).toBeNull();
  });

  it('posts a members-only crew run, and a public one with guest seats', async () => {
    const day = addDays(seoulToday(), 3);
    const { calls } = mockApi({
      'GET /api/me/crews?role=staff': () => jsonResponse(200, { items: [crew] }),
      'POST /api/runs': () => jsonResponse(201, runFixture()),
    });
    const { events, onSaved } = renderForm();
    expect(await screen.findByRole('heading', { name: '크루 러닝' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '크루원만' })).toBeNull();
    await events.click(screen.getByRole('radio', { name: '반포새벽런' }));
    await events.click(screen.getByRole('radio', { name: '크루원만' }));
    expect(screen.queryByRole('group', { name: /게스트 자리/ })).toBeNull();
    await events.click(screen.getByRole('radio', { name: '모두에게 공개' }));
    await events.click(screen.getByRole('radio', { name: '자리 수 정하기' }));
    change('게스트 자리 수', '3');

    change('그룹 러닝 이름', '화요일 반포 정기런');
    change('날짜', day);
    change('출발 시간', '19:30');
    change('종료 예정 시간', '21:00');
    await events.click(screen.getByRole('radio', { name: '강변' }));
    await events.click(screen.getByRole('button', { name: '다음' }));
    await events.click(await screen.findByRole('button', { name: '게시하기' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.at(-1)?.body).toMatchObject({
      crewId: crew.id,
      visibility: 'public',
      guestSeats: 3,
      coHostIds: [],
    });
  });
});

describe('RunForm course step: place search', () => {
  const GWANGALLI = {
    name: '광안리해수욕장',
    address: '부산 수영구',
    lat: 35.1532,
    lng: 129.1186,
    region: 'busan',
  };

  function renderCourse() {
    return renderWithProviders(
      <RunForm
        initial={EMPTY_RUN_FORM}
        initialStep="course"
        host={host}
        onSaved={vi.fn()}
        renderPhotosField={() => null}
      />,
      { user: me },
    );
  }

  it('fills the meeting place name and suggests the region of the picked place', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [GWANGALLI] }) });
    const { events } = renderCourse();
    await events.type(screen.getByRole('combobox', { name: '장소 검색' }), '광안');
    await events.click(await screen.findByRole('option', { name: /광안리해수욕장/ }));
    expect(screen.getByLabelText<HTMLInputElement>('모이는 곳 이름').value).toBe('광안리해수욕장');
    expect(screen.getByLabelText<HTMLSelectElement>('지역').value).toBe('busan');
    expect(screen.getByText('고른 장소 기준으로 추천된 지역이에요')).toBeTruthy();
  });

  it('keeps a region the host chose', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [GWANGALLI] }) });
    const { events } = renderCourse();
    await events.selectOptions(screen.getByLabelText('지역'), 'gyeonggi');
    await events.type(screen.getByRole('combobox', { name: '장소 검색' }), '광안');
    await events.click(await screen.findByRole('option', { name: /광안리해수욕장/ }));
    expect(screen.getByLabelText<HTMLInputElement>('모이는 곳 이름').value).toBe('광안리해수욕장');
    expect(screen.getByLabelText<HTMLSelectElement>('지역').value).toBe('gyeonggi');
  });
});
