import { useMutation, useQuery } from '@tanstack/react-query';
import type { UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';
import type { In, Out } from '@contract/api';
import type { ProcedureName } from '@contract/channels';
import type { ApiError } from './api-error';
import { useApiClient } from './api-context';
import type { CallArgs } from './client';

/** Query keys start with the procedure name, so `invalidateQueries({ queryKey: [name] })` works. */
export const queryKey = <K extends ProcedureName>(name: K, input?: In<K>) =>
  input === undefined ? ([name] as const) : ([name, input] as const);

type QueryOptions<K extends ProcedureName> = Omit<
  UseQueryOptions<Out<K>, ApiError>,
  'queryKey' | 'queryFn'
>;

/** A read-only procedure as a react-query query. */
export function useApiQuery<K extends ProcedureName>(
  name: K,
  input: In<K>,
  options: QueryOptions<K> = {},
) {
  const client = useApiClient();
  return useQuery<Out<K>, ApiError>({
    ...options,
    queryKey: queryKey(name, input),
    queryFn: () => client.call(name, ...([input] as CallArgs<K>)),
  });
}

type MutationOptions<K extends ProcedureName> = Omit<
  UseMutationOptions<Out<K>, ApiError, In<K>>,
  'mutationFn'
>;

/** A procedure that changes something, as a react-query mutation. */
export function useApiMutation<K extends ProcedureName>(name: K, options: MutationOptions<K> = {}) {
  const client = useApiClient();
  return useMutation<Out<K>, ApiError, In<K>>({
    ...options,
    mutationFn: (input) => client.call(name, ...([input] as CallArgs<K>)),
  });
}
