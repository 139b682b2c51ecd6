/** Runs `f` and returns the ProviderError it throws (fails the test when it throws nothing or something else). */
import { ProviderError } from '../../lib/providers/types';

export function providerError(f: () => unknown): ProviderError {
  try {
    f();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}
