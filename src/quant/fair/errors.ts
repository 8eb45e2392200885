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

/** A run stopped because its caller cancelled it (checked between chunks of iterations). */
export class FairCancelledError extends Error {
  override readonly name = 'FairCancelledError';
  constructor(message = 'the FAIR run was cancelled') {
    super(message);
  }
}

/** The message of a FairParameterError without its `parameter: ` prefix (to rebuild it elsewhere, e.g. across a worker). */
export function parameterDetail(error: FairParameterError): string {
  const prefix = `${error.parameter}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
