/**
 * A background sweep woken by kicks: a kick while a pass runs folds into one more pass, started `gapMs` after
 * the current one ends, however many kicks came meanwhile. Errors of a pass go to `onError`; kicks never throw.
 */
export class CoalescingSweep {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly sweep: () => Promise<unknown>,
    private readonly gapMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Sweeps soon, in the background; calls while one runs fold into one more pass. Never throws. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sweep().catch(this.onError);
        if (this.again) await new Promise((resolve) => setTimeout(resolve, this.gapMs));
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when no background sweep is running (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
