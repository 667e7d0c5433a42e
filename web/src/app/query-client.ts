import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem.ts';

/** Retries only what may pass on a second try: network failures, 429 and 5xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (failures, error) =>
          failures < 2 &&
          (!(error instanceof ApiProblem) ||
            error.status === 0 ||
            error.status === 429 ||
            error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
