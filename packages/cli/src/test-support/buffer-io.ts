import type { Io, Out } from '../io.js';

export type BufferOut = Out & { text: string };

/** An output stream that keeps what was written, optionally posing as a terminal. */
export function bufferOut(tty = false, columns = 80): BufferOut {
  const out: BufferOut = {
    text: '',
    isTTY: tty,
    columns,
    write(text: string) {
      out.text += text;
      return true;
    },
  };
  return out;
}

export function bufferIo(): Io & { stdout: BufferOut; stderr: BufferOut } {
  return { stdout: bufferOut(), stderr: bufferOut() };
}
