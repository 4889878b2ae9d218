import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { AnnouncementForm } from './announcement-form.tsx';

describe('AnnouncementForm', () => {
  it('says in Korean what is missing and sends nothing; then sends trimmed values with the pin', async () => {
    const onSubmit = vi.fn(async () => undefined);
    const { events } = renderWithProviders(
      <AnnouncementForm submitLabel="공지 올리기" pending={false} onSubmit={onSubmit} />,
      { user: onboardedMe() },
    );
    await events.click(await screen.findByRole('button', { name: '공지 올리기' }));
    expect(screen.getByText('제목을 입력해 주세요.')).toBeTruthy();
    expect(screen.getByText('내용을 입력해 주세요.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await events.type(screen.getByLabelText('제목'), '  이번 주 장소 변경 ');
    await events.type(screen.getByLabelText('내용'), '잠실에서 만나요.');
    await events.click(screen.getByRole('checkbox', { name: /상단에 고정/ }));
    await events.click(screen.getByRole('button', { name: '공지 올리기' }));
    expect(onSubmit).toHaveBeenCalledWith({
      title: '이번 주 장소 변경',
      content: '잠실에서 만나요.',
      pinned: true,
    });
  });
});
