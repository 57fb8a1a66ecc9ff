/** Console output of the start command: one tagged line per event, colours only on a terminal. */

const useColor =
  process.env.NO_COLOR === undefined &&
  (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);

export const Color = {
  bold: 1,
  dim: 2,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
} as const;

export function paint(code: number, text: string): string {
  return useColor ? `\x1b[${code}m${text}\x1b[0m` : text;
}

const TAG = 'start';

export const log = {
  info(message: string): void {
    console.log(`${paint(Color.cyan, TAG)} ${message}`);
  },
  ok(message: string): void {
    console.log(`${paint(Color.green, TAG)} ${message}`);
  },
  warn(message: string): void {
    console.warn(`${paint(Color.yellow, TAG)} ${paint(Color.yellow, 'warning:')} ${message}`);
  },
  error(message: string): void {
    console.error(`${paint(Color.red, TAG)} ${paint(Color.red, 'error:')} ${message}`);
  },
};

/** Hides the password of a connection URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** An error whose message is already a complete, user-facing line (no stack trace is printed). */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'StartError';
  }
}
