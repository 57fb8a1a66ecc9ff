import { readFile, writeFile } from 'node:fs/promises';
import { usageError } from './errors.js';

// A file the user named that cannot be read or written is a usage error (exit 2), said in one line.

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (err) {
    throw usageError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw usageError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}
