import { i18n } from './i18n.ts';
import type { Message } from './messages.ts';

// Apart from lib/messages.ts: only forms need it, and the validation texts are not part of the first paint.
const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z]+)+$/;

/**
 * The message of one validation issue, from the client schema or the server's `issues`: the contracts use
 * i18n keys as messages (`password.tooShort`); zod's own issues get a generic message by issue code.
 */
export function issueMessage(issue: { code: string; message: string }): Message {
  if (MESSAGE_KEY.test(issue.message) && i18n.exists(`validation.${issue.message}`)) {
    return { key: `validation.${issue.message}` };
  }
  const generic = `validation.generic.${issue.code}`;
  return { key: i18n.exists(generic) ? generic : 'validation.generic.default' };
}
