import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { LanguageSwitch } from './language-switch.tsx';

afterEach(async () => {
  await i18n.changeLanguage('ko');
});

describe('LanguageSwitch', () => {
  it("names each option starting with the text it shows (label in name), in the option's own language", async () => {
    const { events } = renderWithProviders(<LanguageSwitch />);
    const group = screen.getByRole('group', { name: '언어 선택' });
    const options = [...group.querySelectorAll('button')];
    expect(options.map((button) => [button.textContent, button.getAttribute('lang')])).toEqual([
      ['한', 'ko'],
      ['EN', 'en'],
    ]);
    for (const button of options) {
      expect(button.getAttribute('aria-label')?.startsWith(button.textContent ?? '—')).toBe(true);
    }
    const english = screen.getByRole('button', { name: 'EN (English)' });
    expect(english.getAttribute('aria-pressed')).toBe('false');

    await events.click(english);
    // English texts arrive as a chunk of their own; the switch is pressed once they are in.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'EN (English)' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(screen.getByRole('button', { name: '한 (한국어)' })).toBeTruthy();
  });
});
