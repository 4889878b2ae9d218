import { useQueryClient } from '@tanstack/react-query';
import { afterRunKeys } from '../../features/after-run/api/after-run-keys.ts';
import { commentKeys } from '../../features/comments/api/comment-keys.ts';
import { runKeys } from '../../features/runs/api/run-keys.ts';
import { useRealtimeConnect, useRealtimeEvent, useWatchRun } from '../../lib/use-realtime.ts';

/**
 * A run page that follows the run live: seats, participants and the waitlist when people join or leave in
 * other browsers, and new comments. Only signed-in users have a socket; guests see the page as loaded.
 */
export function useLiveRun(runId: string, enabled: boolean): void {
  const queryClient = useQueryClient();
  const refreshRun = () => {
    void queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) });
    // The host's view of who joined carries each runner's record: a newcomer's shows as they join.
    void queryClient.invalidateQueries({ queryKey: afterRunKeys.reliability(runId) });
  };
  const refreshComments = (parentId: string | null) => {
    void queryClient.invalidateQueries({ queryKey: commentKeys.list({ kind: 'runs', id: runId }) });
    if (parentId) void queryClient.invalidateQueries({ queryKey: commentKeys.replies(parentId) });
  };
  useWatchRun(runId, enabled);
  useRealtimeEvent('run:updated', (event) => {
    if (event.runId === runId) refreshRun();
  });
  useRealtimeEvent('run:comment', (event) => {
    if (event.runId === runId) refreshComments(event.parentId);
  });
  useRealtimeConnect(() => {
    if (!enabled) return;
    refreshRun();
    refreshComments(null);
  });
}
