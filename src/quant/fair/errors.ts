/**
 * A model input that cannot be simulated. `parameter` is the dotted path of the offending field inside the
 * caller's input (e.g. `primaryLoss.mode`), so an API layer can map it to a 422 with the field path.
 */
export class FairParameterError extends Error {
  override readonly name = 'FairParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}
