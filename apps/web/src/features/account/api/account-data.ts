import { endpoints, type DeleteAccount } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { leaving } from '../../../lib/session.ts';

/** Today in Asia/Seoul, as the server names the export file. */
function seoulToday(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Fetches my data export and saves it as erun-export-YYYY-MM-DD.json. */
export async function downloadExport(): Promise<void> {
  const data = await apiClient.call(endpoints.exportMyData);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `erun-export-${seoulToday()}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDownloadExport() {
  return useMutation({ mutationFn: downloadExport });
}

export function deleteAccount(body: DeleteAccount): Promise<void> {
  return apiClient.call(endpoints.deleteAccount, { body });
}

/**
 * The handlers sit in the mutation's own options, not in `mutate`'s, so they run even when the dialog that asked has
 * gone. While the DELETE is out the app is `leaving`: the server closes the account's sockets as it deletes it, and
 * the signed-out session that follows (before or after the answer) must not send the settings page to the login
 * page — `onDeleted` takes the user home. A failure ends `leaving` at once; after a success the settings page ends
 * it as it unmounts, i.e. once the app has moved home.
 */
export function useDeleteAccount(onDeleted?: () => void) {
  return useMutation({
    mutationFn: deleteAccount,
    onMutate: () => leaving.begin(),
    onError: () => leaving.end(),
    onSuccess: () => onDeleted?.(),
  });
}
