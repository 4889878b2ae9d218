import type { Place } from '@erun/contracts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../test/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { PlaceSearch } from './place-search.tsx';

const BANPO: Place = {
  name: '반포한강공원',
  address: '서울 서초구',
  lat: 37.51,
  lng: 126.996,
  region: 'seoul',
};
const BANPO_STADIUM: Place = { name: '반포종합운동장', lat: 37.5011, lng: 127.002, region: 'seoul' };

function renderSearch(onSubmit = vi.fn()) {
  const onPick = vi.fn();
  const view = renderWithProviders(
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <PlaceSearch label="장소 검색" hint="고르면 핀이 옮겨져요" onPick={onPick} />
    </form>,
  );
  const input = screen.getByRole('combobox', { name: '장소 검색' });
  return { ...view, onPick, onSubmit, input };
}

/** The message in the list (the live region says it again for screen readers). */
const SHOWN = 'p:not([role=status])';

/** The search's own live region (the app has another). */
const liveText = () => screen.getAllByRole('status').find((el) => el.closest('form'))?.textContent;

const searchedWords = (calls: { path: string }[]) =>
  calls
    .filter((c) => c.path.startsWith('/api/places'))
    .map((c) => new URL(c.path, 'http://x').searchParams.get('q'));

describe('PlaceSearch', () => {
  it('searches once typing pauses and lists the places as options of the combobox', async () => {
    const { calls } = mockApi({
      'GET /api/places*': () => jsonResponse(200, { items: [BANPO, BANPO_STADIUM] }),
    });
    const { events, input } = renderSearch();
    expect(input.getAttribute('aria-expanded')).toBe('false');

    await events.type(input, '반포');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['반포한강공원서울 서초구', '반포종합운동장서울']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    // Debounced: one search for the words, not one per keystroke.
    expect(searchedWords(calls)).toEqual(['반포']);
    expect(liveText()).toMatch(/장소 2곳을 찾았어요/);
  });

  it('moves through the options with the arrow keys and picks one with Enter, without submitting the form', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [BANPO, BANPO_STADIUM] }) });
    const { events, input, onPick, onSubmit } = renderSearch();
    await events.type(input, '반포');
    await screen.findAllByRole('option');

    await events.keyboard('{ArrowDown}');
    const [first, second] = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(first?.id);
    expect(first?.getAttribute('aria-selected')).toBe('true');
    await events.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(second?.id);
    await events.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(first?.id);

    await events.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(BANPO);
    expect(onSubmit).not.toHaveBeenCalled();
    expect((input as HTMLInputElement).value).toBe('반포한강공원');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
    expect(liveText()).toBe('반포한강공원(으)로 핀을 옮겼어요');
  });

  it('picks with a click or tap', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [BANPO, BANPO_STADIUM] }) });
    const { events, input, onPick } = renderSearch();
    await events.type(input, '반포');
    await events.click(await screen.findByRole('option', { name: /반포종합운동장/ }));
    expect(onPick).toHaveBeenCalledWith(BANPO_STADIUM);
    expect((input as HTMLInputElement).value).toBe('반포종합운동장');
  });

  it('keeps the last suggestions dimmed and busy while new words are searched, and Enter does not pick them', async () => {
    const TTUKSEOM: Place = { name: '뚝섬한강공원', lat: 37.5293, lng: 127.0697, region: 'seoul' };
    let answer: (response: Response) => void = () => {};
    const { calls } = mockApi({
      'GET /api/places*': (call) =>
        call.path.includes(encodeURIComponent('반포'))
          ? jsonResponse(200, { items: [BANPO] })
          : new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { events, input, onPick } = renderSearch();
    await events.type(input, '반포');
    await screen.findByRole('option', { name: /반포한강공원/ });
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('false');

    await events.clear(input);
    await events.type(input, '뚝섬');
    await waitFor(() => expect(searchedWords(calls)).toEqual(['반포', '뚝섬']));
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('option').textContent).toMatch(/반포한강공원/);
    await events.keyboard('{Enter}');
    expect(onPick).not.toHaveBeenCalled();

    answer(jsonResponse(200, { items: [TTUKSEOM] }));
    await screen.findByRole('option', { name: /뚝섬한강공원/ });
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('false');
    await events.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(TTUKSEOM);
  });

  it('closes the list with Escape, and clears the words with a second Escape', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [BANPO] }) });
    const { events, input, onPick } = renderSearch();
    await events.type(input, '반포');
    await screen.findByRole('option');
    await events.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('반포');
    // Arrow down opens it again.
    await events.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await events.keyboard('{Escape}{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
    expect(onPick).not.toHaveBeenCalled();
  });

  it('says when nothing matches', async () => {
    mockApi({ 'GET /api/places*': () => jsonResponse(200, { items: [] }) });
    const { events, input } = renderSearch();
    await events.type(input, '없는곳');
    expect(await screen.findByText('검색 결과가 없어요', { selector: SHOWN })).toBeTruthy();
    expect(screen.queryByRole('option')).toBeNull();
    await waitFor(() => expect(liveText()).toBe('검색 결과가 없어요'));
  });

  it('says when the search failed, and shows a loading state meanwhile', async () => {
    let answer: (response: Response) => void = () => {};
    const { calls } = mockApi({
      'GET /api/places*': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { events, input } = renderSearch();
    await events.type(input, '반포');
    expect(await screen.findByText('찾는 중이에요…', { selector: SHOWN })).toBeTruthy();
    await waitFor(() => expect(searchedWords(calls)).toEqual(['반포']));
    expect(screen.getByText('찾는 중이에요…', { selector: SHOWN })).toBeTruthy();
    answer(jsonResponse(500, { code: 'INTERNAL', message: 'boom' }));
    expect(
      await screen.findByText('장소를 찾지 못했어요. 잠시 후 다시 검색해 주세요.', { selector: SHOWN }),
    ).toBeTruthy();
    expect(screen.queryByRole('option')).toBeNull();
  });
});
