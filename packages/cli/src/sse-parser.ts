/** One dispatched SSE event (a block of `field: value` lines ended by a blank line). */
export type SseFrame = { id: string | undefined; event: string; data: string };

/**
 * Incremental `text/event-stream` parser: feed it decoded chunks as they arrive, get back the
 * complete frames. Comments (heartbeats) are skipped; `retry:` is remembered for reconnecting.
 */
export class SseParser {
  private buffer = '';
  private fields: { id?: string; event?: string; data: string[] } = { data: [] };
  /** The server's advised reconnection delay, once it sent one. */
  retryMs: number | undefined;

  push(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const frames: SseFrame[] = [];
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      if (line === '') {
        const frame = this.dispatch();
        if (frame) frames.push(frame);
      } else {
        this.field(line);
      }
    }
    return frames;
  }

  private field(line: string): void {
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'data') this.fields.data.push(value);
    else if (name === 'event') this.fields.event = value;
    else if (name === 'id') this.fields.id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(): SseFrame | undefined {
    const { id, event, data } = this.fields;
    this.fields = { data: [] };
    if (data.length === 0) return undefined;
    return { id, event: event ?? 'message', data: data.join('\n') };
  }
}
