import type { Response } from 'express';
import { wait } from '../simulate/latency.js';

/**
 * Streams chunks as server-sent events (`data: {json}` lines, then `data: [DONE]`), pausing
 * `gapMs` between chunks to simulate generation speed. The wait aborts with the client, so a
 * disconnect ends the loop at once.
 */
export async function writeSse(res: Response, chunks: readonly object[], gapMs: number, signal: AbortSignal) {
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('connection', 'keep-alive');
  res.flushHeaders();
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0) await wait(gapMs, signal);
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  res.write('data: [DONE]\n\n');
  res.end();
}
