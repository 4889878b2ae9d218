import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { meQueryKey } from '../../../lib/session.ts';
import { useCountdown } from '../../../lib/use-countdown.ts';
import { useResendEmailVerification } from '../api/resend-email-verification.ts';

/*
 * When another link may be asked for, shared by every place that offers "resend" (the banner and the settings
 * are on screen together): one cooldown for the tab.
 */
let resendUntil = 0;
const listeners = new Set<() => void>();
function setResendUntil(ms: number): void {
  resendUntil = ms;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type ResendResult = { kind: 'sent'; email: string } | { kind: 'error'; message: Message };

/** "Resend the verification mail", with the wait the server asks for (Retry-After, or its resendAt). */
export function useResendVerification() {
  const queryClient = useQueryClient();
  const until = useSyncExternalStore(subscribe, () => resendUntil);
  const secondsLeft = useCountdown(until);
  const [result, setResult] = useState<ResendResult | null>(null);
  // The mutation's own callbacks, not mutate()'s: TanStack Query skips those for a component that is not
  // listening at that moment (not subscribed yet, or gone), and the answer and its cooldown would be lost.
  const resend = useResendEmailVerification({
    onSuccess: (sent) => {
      setResendUntil(Date.parse(sent.resendAt));
      setResult({ kind: 'sent', email: sent.email });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.retryAfter !== null) {
        setResendUntil(Date.now() + error.retryAfter * 1000);
      }
      // Verified meanwhile (another tab, another device): the banner and badge follow.
      if (error instanceof ApiError && error.code === 'EMAIL_ALREADY_VERIFIED') {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
      setResult({ kind: 'error', message: errorMessage(error) });
    },
  });

  function send(): void {
    setResult(null);
    resend.mutate();
  }

  return { send, pending: resend.isPending, secondsLeft, result };
}

/** Tests: forget the cooldown between cases. */
export function resetResendCooldown(): void {
  setResendUntil(0);
}
