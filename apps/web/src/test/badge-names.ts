import { BADGES } from '@erun/contracts';
import { i18n } from '../lib/i18n.ts';

/**
 * Temporary: badge names and descriptions (`badges.<code>.*`) come with the badges change from another
 * branch. Until they land, tests that render badges get stand-ins; once they exist this adds nothing.
 */
export function ensureBadgeNames(): void {
  for (const lng of ['ko', 'en']) {
    for (const code of BADGES) {
      if (i18n.exists(`badges.${code}.name`, { lng })) continue;
      i18n.addResourceBundle(
        lng,
        'translation',
        { badges: { [code]: { name: code, description: code } } },
        true,
      );
    }
  }
}
