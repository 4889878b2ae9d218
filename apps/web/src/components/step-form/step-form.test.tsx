import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { draftStore, isRoute } from '../../lib/draft-store.ts';
import { useZodForm } from '../../lib/form.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { TextField } from '../text-field.tsx';
import { DraftNotice, FormPage, useDraft } from './form-page.tsx';
import { StepForm } from './step-form.tsx';

// A small kind of post in two steps: a name, then a place. Both required.
type Values = { name: string; place: string; route: [number, number][] };
const EMPTY: Values = { name: '', place: '', route: [] };
const STEPS = ['first', 'second'] as const;
const FIELDS = { first: ['name'], second: ['place'] } as const;
const schema = z.object({ name: z.string().min(2), place: z.string().min(1), route: z.array(z.any()) });
const store = draftStore({ key: 'test.draft', empty: EMPTY, steps: STEPS, checks: { route: isRoute } });

function NewThing({ onPublish }: { onPublish: (data: Values) => void }) {
  const { draft, attempt, startOver } = useDraft(store);
  return (
    <FormPage
      title="새 글"
      notice={
        draft && <DraftNotice text="작성 중이던 글이에요." startOver="새로 쓰기" onStartOver={startOver} />
      }
    >
      <ThingForm key={attempt} initial={draft?.values ?? EMPTY} step={draft?.step} onPublish={onPublish} />
    </FormPage>
  );
}

function ThingForm({
  initial,
  step,
  onPublish,
}: {
  initial: Values;
  step?: 'first' | 'second';
  onPublish: (data: Values) => void;
}) {
  const form = useZodForm(schema, initial);
  return (
    <StepForm
      form={form}
      steps={STEPS}
      stepFields={FIELDS}
      initialStep={step}
      labels={{
        step: (s) => (s === 'first' ? '이름' : '장소'),
        previous: '이전',
        next: '다음',
        submit: '올리기',
      }}
      pending={false}
      onDraftChange={store.remember}
      onPublish={(data) => onPublish(data)}
    >
      {(current) =>
        current === 'first' ? (
          <TextField label="글 이름" {...form.register('name')} />
        ) : (
          <TextField label="장소 이름" {...form.register('place')} />
        )
      }
    </StepForm>
  );
}

afterEach(() => window.sessionStorage.clear());

describe('StepForm', () => {
  it('checks each step before the next one opens, focusing the first invalid field', async () => {
    const onPublish = vi.fn();
    const { events } = renderWithProviders(<NewThing onPublish={onPublish} />);

    await events.click(screen.getByRole('button', { name: '다음' }));
    const name = screen.getByLabelText('글 이름');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.queryByLabelText('장소 이름')).toBeNull();

    await events.type(name, '한강');
    await events.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByLabelText('장소 이름')).toBeTruthy();
    expect(screen.getByRole('button', { name: '이전' })).toBeTruthy();

    await events.click(screen.getByRole('button', { name: '올리기' }));
    expect(screen.getByLabelText('장소 이름').getAttribute('aria-invalid')).toBe('true');
    expect(onPublish).not.toHaveBeenCalled();
    await events.type(screen.getByLabelText('장소 이름'), '여의나루역');
    await events.click(screen.getByRole('button', { name: '올리기' }));
    expect(onPublish).toHaveBeenCalledWith({ name: '한강', place: '여의나루역', route: [] });
  });

  it('keeps the draft across a reload on the same step, until the author starts over', async () => {
    const first = renderWithProviders(<NewThing onPublish={vi.fn()} />);
    expect(screen.queryByText('작성 중이던 글이에요.')).toBeNull();
    await first.events.type(screen.getByLabelText('글 이름'), '한강 10K');
    await first.events.click(screen.getByRole('button', { name: '다음' }));
    await first.events.type(screen.getByLabelText('장소 이름'), '여의');
    // A reload: the page mounts again and reads the draft once.
    cleanup();
    const again = renderWithProviders(<NewThing onPublish={vi.fn()} />);

    expect(screen.getByText('작성 중이던 글이에요.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('장소 이름').value).toBe('여의');
    await again.events.click(screen.getByRole('button', { name: '이전' }));
    expect(screen.getByLabelText<HTMLInputElement>('글 이름').value).toBe('한강 10K');

    await again.events.click(screen.getByRole('button', { name: '새로 쓰기' }));
    expect(screen.queryByText('작성 중이던 글이에요.')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('글 이름').value).toBe('');
    expect(window.sessionStorage.getItem('test.draft')).toBeNull();
  });
});

describe('draftStore', () => {
  it('keeps only fields of the right type, and nothing for an untouched form', () => {
    window.sessionStorage.setItem(
      'test.draft',
      JSON.stringify({ step: 'nowhere', values: { name: 42, place: '여의도', route: [[37.5, 'x']] } }),
    );
    expect(store.load()).toEqual({ step: 'first', values: { name: '', place: '여의도', route: [] } });

    store.remember({ step: 'first', values: EMPTY });
    expect(window.sessionStorage.getItem('test.draft')).toBeNull();
    window.sessionStorage.setItem('test.draft', '{not json');
    expect(store.load()).toBeNull();
  });
});
