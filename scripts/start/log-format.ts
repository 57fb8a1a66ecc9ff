/** Turns the services' pino JSON lines into short readable lines behind a coloured name prefix. */
import { Color, paint } from './log.js';

const LEVELS: Record<number, [string, number]> = {
  10: ['TRACE', Color.gray],
  20: ['DEBUG', Color.gray],
  30: ['INFO ', Color.green],
  40: ['WARN ', Color.yellow],
  50: ['ERROR', Color.red],
  60: ['FATAL', Color.red],
};

// Fields every line has, or that are shown in the line itself (`service` is the prefix).
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v', 'err', 'service']);

/** pino-http's `req`/`res` objects as one short `GET /path → 200 (12ms)`, or undefined. */
function httpSummary(record: Record<string, unknown>): string | undefined {
  const req = record.req as { method?: unknown; url?: unknown } | undefined;
  const res = record.res as { statusCode?: unknown } | undefined;
  if (typeof req?.method !== 'string' || typeof req.url !== 'string') return undefined;
  const status = typeof res?.statusCode === 'number' ? ` → ${res.statusCode}` : '';
  const took = typeof record.responseTime === 'number' ? ` (${record.responseTime}ms)` : '';
  return `${req.method} ${req.url}${status}${took}`;
}
const HTTP_FIELDS = new Set(['req', 'res', 'responseTime']);

function time(value: unknown): string {
  const date = typeof value === 'number' || typeof value === 'string' ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(11, 23);
}

/** A pino line as `12:00:00.123 INFO  message {extra}`; any other line unchanged. */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof record.level !== 'number') return line;
  const [label, color] = LEVELS[record.level] ?? [String(record.level), Color.gray];
  const http = httpSummary(record);
  const extra = Object.fromEntries(
    Object.entries(record).filter(([key]) => !HIDDEN.has(key) && !(http && HTTP_FIELDS.has(key))),
  );
  const parts = [paint(Color.gray, time(record.time)), paint(color, label), String(record.msg ?? '')];
  if (http) parts.push(http);
  if (Object.keys(extra).length > 0) parts.push(paint(Color.gray, JSON.stringify(extra)));
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  const errText = err && (typeof err.stack === 'string' ? err.stack : String(err.message ?? ''));
  return errText ? `${parts.join(' ')}\n${errText}` : parts.join(' ');
}

export function prefixer(name: string, width: number, color: number): (text: string) => string {
  const prefix = `${paint(color, name.padEnd(width))} ${paint(Color.gray, '│')} `;
  return (text) =>
    text
      .split('\n')
      .map((line) => prefix + line)
      .join('\n');
}
