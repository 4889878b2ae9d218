import { endpoints, type AuthResponse, type Login } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

export function login(body: Login): Promise<AuthResponse> {
  return apiClient.call(endpoints.login, { body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: (auth) => startSession(queryClient, auth) });
}
