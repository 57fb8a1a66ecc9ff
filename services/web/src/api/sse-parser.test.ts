import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser';

describe('createSseParser', () => {
  it('parses frames with id, event and multi-line data, skipping heartbeat comments', () => {
    const parse = createSseParser();
    expect(
      parse(': heartbeat\n\nid: 1-0\nevent: job_started\ndata: {"a":1}\n\nid: 2-0\ndata: x\ndata: y\n\n'),
    ).toEqual([
      { id: '1-0', event: 'job_started', data: '{"a":1}' },
      { id: '2-0', data: 'x\ny' },
    ]);
  });

  it('keeps a frame split across chunks until it is complete', () => {
    const parse = createSseParser();
    expect(parse('id: 7-0\nda')).toEqual([]);
    expect(parse('ta: {"b":2}\n')).toEqual([]);
    expect(parse('\n')).toEqual([{ id: '7-0', data: '{"b":2}' }]);
  });

  it('accepts CRLF line ends, even when CR and LF arrive in different chunks', () => {
    const parse = createSseParser();
    expect(parse('id: 1\r')).toEqual([]);
    expect(parse('\ndata: z\r\n\r')).toEqual([]);
    expect(parse('\n')).toEqual([{ id: '1', data: 'z' }]);
  });

  it('reports the retry hint', () => {
    expect(createSseParser()('retry: 2500\n\n')).toEqual([{ data: '', retry: 2500 }]);
  });

  it('yields every frame of a long replay fed byte by byte, in order', () => {
    const parse = createSseParser();
    const text = Array.from({ length: 50 }, (_, i) => `id: ${i}-0\ndata: {"n":${i}}\n\n`).join('');
    const frames = [...text].flatMap((ch) => parse(ch));
    expect(frames.map((f) => f.id)).toEqual(Array.from({ length: 50 }, (_, i) => `${i}-0`));
  });
});
