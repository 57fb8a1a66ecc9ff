/** One Server-Sent Events frame. */
export type SseFrame = { id?: string; event?: string; data: string; retry?: number };

/**
 * Incremental SSE parser (the WHATWG rules that matter here): feed it text chunks as they arrive,
 * it returns the complete frames. Comments (heartbeats) are skipped.
 */
export function createSseParser(): (chunk: string) => SseFrame[] {
  let buffer = '';
  return (chunk) => {
    // A CR at the end of a chunk may pair with an LF in the next one: keep it back until then.
    buffer += chunk;
    const cut = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    let text = buffer.slice(0, cut).replace(/\r\n?/g, '\n');
    buffer = buffer.slice(cut);
    const frames: SseFrame[] = [];
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const frame: SseFrame = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'id') frame.id = value;
        else if (field === 'event') frame.event = value;
        else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
      }
      frame.data = data.join('\n');
      if (data.length || frame.retry !== undefined) frames.push(frame);
    }
    buffer = text + buffer;
    return frames;
  };
}
