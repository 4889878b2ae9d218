import type { RealtimeEvent, RealtimePayload } from '@erun/contracts';
import { useEffect, useRef } from 'react';
import { realtime } from './realtime.ts';

/** Calls the latest `listener` for each `event` while mounted. */
export function useRealtimeEvent<E extends RealtimeEvent>(
  event: E,
  listener: (payload: RealtimePayload<E>) => void,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => realtime.on(event, (payload) => latest.current(payload)), [event]);
}

/** Calls the latest `listener` after every (re)connection of the socket while mounted. */
export function useRealtimeConnect(listener: () => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => realtime.onConnect(() => latest.current()), []);
}

/** Joins the run's room (its `run:*` events) while mounted and `enabled`. */
export function useWatchRun(runId: string, enabled: boolean): void {
  useEffect(() => (enabled ? realtime.watchRun(runId) : undefined), [runId, enabled]);
}
