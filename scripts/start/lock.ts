/** One start command per data folder: two would fight over the embedded Postgres and Redis. */
import fs from 'node:fs';
import path from 'node:path';
import { StartError } from './log.js';
import { isAlive } from './managed.js';

/**
 * Writes our pid to `<dataDir>/start.pid`, replacing a stale one.
 * @returns a release function that removes the file if it is still ours
 */
export function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'start.pid');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new StartError(
        `another start command (pid ${pid}) is using ${dataDir}; stop it first, or set LLMBENCH_DATA_DIR to another folder`,
      );
    }
  } catch (err) {
    if (err instanceof StartError) throw err;
  }
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
