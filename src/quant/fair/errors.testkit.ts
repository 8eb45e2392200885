import { expect } from 'vitest';
import { FairParameterError } from './errors.ts';

/** Test helper: the .parameter (field path) of the FairParameterError that `run` throws; fails when it throws nothing else. */
export function errorParameter(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FairParameterError);
    return (error as FairParameterError).parameter;
  }
  throw new Error('expected a FairParameterError');
}
