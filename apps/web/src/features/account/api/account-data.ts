import { endpoints, type DeleteAccount } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

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
 * `onDeleted` sits in the mutation's own options, not in `mutate`'s: it runs even when the page that asked has
 * already gone — the server closes the account's sockets as it deletes it, and the signed-out session that
 * follows can send the settings page to the login page before the answer arrives.
 */
export function useDeleteAccount(onDeleted?: () => void) {
  return useMutation({ mutationFn: deleteAccount, onSuccess: () => onDeleted?.() });
}
