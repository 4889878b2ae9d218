import type { LatLng } from '@erun/contracts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { RouteDrawing } from './route-drawing.tsx';

vi.mock('./lazy.tsx', () => ({ RouteEditor: () => null }));

const FIXTURES = import.meta.glob<string>('../../../../server/src/modules/gpx/fixtures/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const file = (name: string, type = 'application/gpx+xml') =>
  new File([FIXTURES[`../../../../server/src/modules/gpx/fixtures/${name}`] ?? ''], name, { type });

function renderDrawing() {
  const onRouteChange = vi.fn<(route: LatLng[], segmentStarts: number[]) => void>();
  const view = renderWithProviders(
    <RouteDrawing
      route={[]}
      segmentStarts={[]}
      onRouteChange={onRouteChange}
      pin={null}
      onPinChange={() => undefined}
      mapLabel="지도"
      pinLabel="모임"
      name="route"
    />,
  );
  return { ...view, onRouteChange };
}

describe('RouteDrawing import', () => {
  it('lists the tracks and routes of a file in file order, each named as track or route', async () => {
    const { events } = renderDrawing();
    await events.upload(screen.getByLabelText('GPX 불러오기'), file('komoot-route.gpx'));
    const options = await screen.findAllByRole('radio');
    expect(options.map((option) => option.closest('label')?.textContent)).toEqual([
      expect.stringContaining('경로 · 의암호 한 바퀴 (계획)'),
      expect.stringContaining('트랙 · 의암호 한 바퀴 (기록)'),
    ]);
  });

  it('keeps the pieces of a track it imports', async () => {
    const { events, onRouteChange } = renderDrawing();
    await events.upload(screen.getByLabelText('GPX 불러오기'), file('apple-watch-paused.gpx'));
    await waitFor(() => expect(onRouteChange).toHaveBeenCalled());
    expect(onRouteChange.mock.calls[0]?.[1]).toEqual([16]);
  });

  it('names the format and the cause of a file it cannot use', async () => {
    const { events } = renderDrawing();
    await events.upload(
      screen.getByLabelText('GPX 불러오기'),
      new File(
        [
          '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>127,37.5</coordinates></Point></Placemark></kml>',
        ],
        'places.kml',
        { type: 'application/vnd.google-earth.kml+xml' },
      ),
    );
    const message = await screen.findByText('KML 파일에는 지점(웨이포인트)만 있고 트랙이나 경로가 없어요.');
    expect(message.textContent).not.toContain('GPX');
  });
});
