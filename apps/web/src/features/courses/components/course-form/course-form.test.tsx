import type { Image } from '@erun/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../../lib/i18n.ts';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { courseFixture, onboardedMe } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { EMPTY_COURSE_FORM, type CourseFormValues } from '../../utils/course-form.ts';
import { CourseForm } from './course-form.tsx';

const me = onboardedMe();
const photo: Image = courseFixture().photos[0] as Image;
// About 10 km of route along the Han river.
const drawn: CourseFormValues = {
  ...EMPTY_COURSE_FORM,
  route: [
    [37.5105, 126.996],
    [37.527, 126.883],
  ],
  region: 'seoul',
};

function change(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('CourseForm', () => {
  it('shows the estimated time as the pace changes, asks for a photo, then publishes the course', async () => {
    const { calls } = mockApi({ 'POST /api/courses': () => jsonResponse(201, courseFixture()) });
    const onSaved = vi.fn();
    const { events } = renderWithProviders(
      <CourseForm
        initial={drawn}
        initialStep="details"
        author={me}
        onSaved={onSaved}
        renderPhotosField={(field) => (
          <div>
            <p>{field.label}</p>
            {field.error && <p>{i18n.t(field.error.key)}</p>}
            <button type="button" onClick={() => field.onChange([photo])}>
              사진 한 장 올리기
            </button>
          </div>
        )}
      />,
      { user: me },
    );

    const estimate = () => screen.getByText('예상 소요 시간').parentElement?.textContent;
    expect(estimate()).toContain(`1시간 6분6'30"/km 기준`);
    fireEvent.change(document.querySelector('input[name="paceMin"]') as HTMLElement, {
      target: { value: '5' },
    });
    expect(estimate()).toContain(`51분5'00"/km 기준`);

    change('추천 코스 이름', '한');
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByText('코스 이름은 2자 이상이어야 해요.')).toBeTruthy();
    expect(screen.getByText('러닝 테마를 골라 주세요.')).toBeTruthy();
    change('추천 코스 이름', '한강 10K');
    await events.click(screen.getByRole('radio', { name: '강변' }));
    change('화장실 (선택)', '출발점');
    await events.click(screen.getByRole('button', { name: '다음' }));

    expect(await screen.findByText('코스 사진 (1–5장)')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '등록하기' }));
    expect(screen.getByText('코스 사진을 1장 이상 올려 주세요.')).toBeTruthy();
    expect(calls).toHaveLength(0);

    await events.click(screen.getByRole('button', { name: '사진 한 장 올리기' }));
    await events.click(screen.getByRole('button', { name: '등록하기' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({
      title: '한강 10K',
      description: '',
      route: drawn.route,
      segmentStarts: [],
      region: 'seoul',
      theme: 'riverside',
      startPoint: null,
      paceSecPerKm: 300,
      parking: null,
      baggage: null,
      toilets: '출발점',
      water: null,
      photoIds: [photo.id],
    });
  });
});
