import { useApiMutation } from '../../api/hooks';
import type { VerifyState } from './VerifyIntegrity';

export function useVerifyIntegrity(): VerifyState {
  const verify = useApiMutation('activity.verify');
  return {
    result: verify.data,
    error: verify.error,
    isPending: verify.isPending,
    run: () => verify.mutate(undefined),
    dismiss: () => verify.reset(),
  };
}
