import { endpoints, type AuthResponse, type Signup } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

export function signup(body: Signup): Promise<AuthResponse> {
  return apiClient.call(endpoints.signup, { body });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signup, onSuccess: (auth) => startSession(queryClient, auth) });
}
