import { type CreateReport, endpoints, type ReportCreated } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Reports a user or a piece of content; one open report per reporter and target (409 ALREADY_REPORTED). */
export function createReport(body: CreateReport): Promise<ReportCreated> {
  return apiClient.call(endpoints.createReport, { body });
}

/** Nothing cached changes for the reporter: what is hidden after enough reports is hidden for others. */
export function useCreateReport() {
  return useMutation({ mutationFn: createReport });
}
