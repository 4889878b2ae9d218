import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { koreanTexts } from './ko-texts.ts';

export default defineProject({
  plugins: [react(), koreanTexts()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // Whole-page tests render the app; on a busy CI machine the first ones pay for the cold transform.
    testTimeout: 15_000,
  },
});
