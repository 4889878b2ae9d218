import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// axe-core on the page as it stands (issue 19: 0 serious or critical violations on every page of the suite).
// The WCAG 2.0/2.1 A and AA rules plus axe's best practices; minor and moderate findings are not failures.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const FAILING = new Set(['serious', 'critical']);

/** Fails the test (softly: the journey goes on to the next page), listing each rule id with the elements it flagged, when axe finds a serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations
    .filter((violation) => FAILING.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 8);
      const more = violation.nodes.length > targets.length ? ` … ${violation.nodes.length} in all` : '';
      return `${violation.id} (${violation.impact}): ${violation.help} — ${targets.join(' | ')}${more}`;
    });
  if (process.env.E2E_AXE_ALL === '1') {
    // For a look at what is below the bar too: `E2E_AXE_ALL=1` prints every violation, whatever its impact.
    for (const violation of violations) {
      const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 4);
      console.log(`[axe ${label}] ${violation.id} (${violation.impact}): ${targets.join(' | ')}`);
    }
  }
  expect.soft(found, `axe: serious or critical violations on ${label}`).toEqual([]);
}
