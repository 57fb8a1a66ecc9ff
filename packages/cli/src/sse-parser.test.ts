import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('assembles frames split anywhere across chunks', () => {
    const text =
      'retry: 2000\n\nid: 1-0\nevent: job_queued\ndata: {"a":1}\n\n: heartbeat\n\nid: 1-1\nevent: x\ndata: {}\n\n';
    const parser = new SseParser();
    const frames = [...text].flatMap((ch) => parser.push(ch));
    expect(frames).toEqual([
      { id: '1-0', event: 'job_queued', data: '{"a":1}' },
      { id: '1-1', event: 'x', data: '{}' },
    ]);
    expect(parser.retryMs).toBe(2000);
  });

  it('joins multi-line data, accepts CRLF and a missing space, defaults the event name', () => {
    const parser = new SseParser();
    expect(parser.push('data:one\r\ndata: two\r\n\r\n')).toEqual([
      { id: undefined, event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('keeps an unfinished frame until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('id: 5-0\nevent: e\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ id: '5-0', event: 'e', data: '{}' }]);
  });
});
