/** A place to write text: the process streams, or a buffer in tests. */
export type Out = { write(text: string): unknown; isTTY?: boolean; columns?: number };

/** stdout carries results only (tables, JSON); stderr carries progress and errors. */
export type Io = { stdout: Out; stderr: Out };

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr });
