import { endpoints, type CreateCrew, type Crew, type UpdateCrew } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { crewKeys } from './crew-keys.ts';

export function createCrew(body: CreateCrew): Promise<Crew> {
  return apiClient.call(endpoints.createCrew, { body });
}

/** The owner's edit: only the fields that changed. */
export function updateCrew({ crewId, changes }: { crewId: string; changes: UpdateCrew }): Promise<Crew> {
  return apiClient.call(endpoints.updateCrew, { params: { crewId }, body: changes });
}

/** Deletes the crew (owner only): its runs ahead are cancelled, their runners told. */
export function deleteCrew(crewId: string): Promise<void> {
  return apiClient.call(endpoints.deleteCrew, { params: { crewId } });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (crew: Crew) => {
    queryClient.setQueryData(crewKeys.detail(crew.id), crew);
    return queryClient.invalidateQueries({ queryKey: crewKeys.lists() });
  };
}

export function useCreateCrew() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: createCrew, onSuccess });
}

export function useUpdateCrew() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: updateCrew, onSuccess });
}

export function useDeleteCrew() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCrew,
    onSuccess: (_, crewId) => {
      queryClient.removeQueries({ queryKey: crewKeys.detail(crewId) });
      return queryClient.invalidateQueries({ queryKey: crewKeys.all });
    },
  });
}
