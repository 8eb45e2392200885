import { FairCancelledError } from './errors.ts';

/**
 * Progress and cancellation between chunks of iterations. Called once per chunk (16,384 iterations, a
 * millisecond or more of work), so the two callbacks cost nothing measurable against the sampling.
 */
export class Progress {
  private done = 0;

  constructor(
    readonly total: number,
    private readonly hooks: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean } = {},
  ) {}

  /** `count` more units done. @throws FairCancelledError when the caller has cancelled */
  step(count: number): void {
    this.done = Math.min(this.total, this.done + count);
    if (this.hooks.isCancelled?.()) throw new FairCancelledError();
    this.hooks.onProgress?.(this.done, this.total);
  }

  /** The final report, done === total, whatever the chunks added up to. */
  finish(): void {
    if (this.hooks.isCancelled?.()) throw new FairCancelledError();
    this.done = this.total;
    this.hooks.onProgress?.(this.total, this.total);
  }
}
