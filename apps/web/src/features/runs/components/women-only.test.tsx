import type { Gender } from '@erun/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api.ts';
import { onboardedMe, runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { JoinPanel } from './run-detail/join-panel.tsx';
import { RunCard } from './run-card.tsx';
import { countFilters, filtersFromParams, filtersToQuery, filtersToSearch } from '../utils/run-filters.ts';

/** 여성 전용 runs: labelled in words, and a runner who may not join is told before a click. */
describe('여성 전용 runs', () => {
  it('the card says "여성 전용" in words', () => {
    mockApi({});
    renderWithProviders(<RunCard run={runFixture({ womenOnly: true })} />);
    expect(screen.getByText('여성 전용')).toBeTruthy();
  });

  it('a run open to all says nothing of it', () => {
    mockApi({});
    renderWithProviders(<RunCard run={runFixture({ womenOnly: false })} />);
    expect(screen.queryByText('여성 전용')).toBeNull();
  });

  const panel = (gender: Gender | null) => {
    const me = onboardedMe({ gender });
    mockApi({});
    return renderWithProviders(
      <JoinPanel run={runFixture({ womenOnly: true })} viewerId={me.id} viewerGender={gender} />,
      { user: me },
    );
  };

  it('a woman sees the join button', () => {
    panel('female');
    expect(screen.getByRole('button', { name: '참여하기' })).toBeTruthy();
    expect(screen.queryByText('여성 전용 러닝이에요')).toBeNull();
  });

  it('a man is told instead of a button', () => {
    panel('male');
    expect(screen.queryByRole('button', { name: '참여하기' })).toBeNull();
    expect(screen.getByText('여성 전용 러닝이에요')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '설정에서 성별 정하기' })).toBeNull();
  });

  it('with no gender stated: told, with a link to the setting', () => {
    panel(null);
    expect(screen.queryByRole('button', { name: '참여하기' })).toBeNull();
    expect(screen.getByText('여성 전용 러닝이에요')).toBeTruthy();
    expect(screen.getByRole('link', { name: '설정에서 성별 정하기' }).getAttribute('href')).toBe(
      '/me/settings#gender',
    );
  });
});

describe('여성 전용만 (the /runs filter)', () => {
  it('is read from and written to the URL and the API query, and counts as a filter', () => {
    const filters = filtersFromParams(new URLSearchParams('womenOnly=true'));
    expect(filters.womenOnly).toBe(true);
    expect(filtersToQuery(filters).womenOnly).toBe('true');
    expect(filtersToSearch(filters)).toBe('womenOnly=true');
    expect(countFilters(filters)).toBe(1);
    expect(filtersToQuery(filtersFromParams(new URLSearchParams(''))).womenOnly).toBeUndefined();
  });
});
