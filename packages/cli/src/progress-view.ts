import type { Out } from './io.js';
import { renderBar, type ProgressState } from './progress.js';

/**
 * Draws progress on stderr: on a terminal one bar redrawn in place with `\r`; otherwise (CI
 * logs, pipes) a plain line per change, since `\r` would just pile up in a log file.
 */
export class ProgressView {
  private bar = '';
  private drawn = false;

  constructor(
    private readonly out: Out,
    private readonly enabled = true,
  ) {}

  progress(state: ProgressState): void {
    const line = `${renderBar(state.fraction)} ${state.label}`;
    if (!this.enabled || line === this.bar) return;
    this.bar = line;
    if (this.out.isTTY) this.draw();
    else this.out.write(`${line}\n`);
  }

  /** A line of its own above the bar (the bar is redrawn below it). */
  notice(text: string): void {
    if (!this.enabled) return;
    const hadBar = this.drawn;
    if (hadBar) this.out.write('\r\x1b[K');
    this.out.write(`${text}\n`);
    if (hadBar) this.draw();
  }

  /** Leaves the cursor on a fresh line so what follows does not overwrite the bar. */
  done(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private draw(): void {
    // Cut to the terminal width: a wrapped line cannot be redrawn with \r.
    const width = (this.out.columns ?? 80) - 1;
    this.out.write(`\r${this.bar.slice(0, width)}\x1b[K`);
    this.drawn = true;
  }
}
