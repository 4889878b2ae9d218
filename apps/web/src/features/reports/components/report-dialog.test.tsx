import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { ReportButton } from './report-button.tsx';

const me = onboardedMe();
const COMMENT_ID = '00000000-0000-4000-8000-00000000c0de';
const REPORT = 'POST /api/reports';

function renderButton() {
  return renderWithProviders(<ReportButton targetType="comment" targetId={COMMENT_ID} />, { user: me });
}

async function openDialog(events: ReturnType<typeof renderButton>['events']) {
  await events.click(screen.getByRole('button', { name: '신고하기' }));
  return screen.getByRole('dialog', { name: '이 댓글 신고하기' });
}

describe('ReportDialog', () => {
  it('offers the six reasons as radio buttons, sends the chosen one and thanks the reporter', async () => {
    const { calls } = mockApi({
      [REPORT]: () => jsonResponse(201, { id: crypto.randomUUID(), status: 'open' }),
    });
    const { events } = renderButton();
    const dialog = await openDialog(events);

    const reasons = within(dialog).getAllByRole('radio');
    expect(reasons.map((r) => r.closest('label')?.textContent)).toEqual([
      '스팸·광고',
      '괴롭힘·욕설',
      '성적인 내용',
      '위험하거나 안전하지 않음',
      '사칭',
      '기타 (내용 입력)',
    ]);
    await events.click(within(dialog).getByRole('radio', { name: '괴롭힘·욕설' }));
    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));

    expect(
      await within(dialog).findByText(
        '신고해 주셔서 고마워요. 운영진이 확인한 뒤 조치할게요. 신고한 사람은 알려지지 않아요.',
      ),
    ).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/reports').map((c) => c.body)).toEqual([
      { targetType: 'comment', targetId: COMMENT_ID, reason: 'harassment' },
    ]);
  });

  it('asks for a reason, and for a note with 기타 (counted up to 500), before sending anything', async () => {
    const { calls } = mockApi({
      [REPORT]: () => jsonResponse(201, { id: crypto.randomUUID(), status: 'open' }),
    });
    const { events } = renderButton();
    const dialog = await openDialog(events);

    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect(await within(dialog).findByText('신고 사유를 골라 주세요.')).toBeTruthy();

    await events.click(within(dialog).getByRole('radio', { name: '기타 (내용 입력)' }));
    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect(await within(dialog).findByText('기타를 고르면 자세한 내용을 적어 주세요.')).toBeTruthy();
    const note = within(dialog).getByRole('textbox', { name: '자세한 내용 (필수)' });
    expect(note.getAttribute('maxlength')).toBe('500');
    expect(calls.some((c) => c.path === '/api/reports')).toBe(false);

    await events.type(note, '연락처를 계속 물어봐요');
    expect(within(dialog).getByText(/12\s*\/\s*500/)).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect(await within(dialog).findByText(/신고해 주셔서 고마워요/)).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/reports')?.body).toEqual({
      targetType: 'comment',
      targetId: COMMENT_ID,
      reason: 'other',
      note: '연락처를 계속 물어봐요',
    });
  });

  it('says in Korean when it was already reported, and keeps the dialog open', async () => {
    mockApi({
      [REPORT]: () =>
        jsonResponse(409, { code: 'ALREADY_REPORTED', message: 'You have already reported this' }),
    });
    const { events } = renderButton();
    const dialog = await openDialog(events);
    await events.click(within(dialog).getByRole('radio', { name: '스팸·광고' }));
    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      '이미 신고했어요. 운영진이 확인하고 있어요.',
    );
    expect(within(dialog).queryByText(/신고해 주셔서 고마워요/)).toBeNull();
  });

  it('explains that one’s own content cannot be reported (400 report.self)', async () => {
    mockApi({
      [REPORT]: () =>
        jsonResponse(400, {
          code: 'VALIDATION_FAILED',
          message: 'You cannot report yourself',
          issues: [{ path: ['body', 'targetId'], code: 'custom', message: 'report.self' }],
        }),
    });
    const { events } = renderButton();
    const dialog = await openDialog(events);
    await events.click(within(dialog).getByRole('radio', { name: '사칭' }));
    await events.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      '나 자신이나 내가 쓴 글은 신고할 수 없어요.',
    );
  });
});
