/**
 * Runs every benchmark one after the other (each as its own process, on its own fresh stack),
 * collects the JSON lines they print and writes them as a Markdown table (figure, value, unit,
 * note) to bench/results/<date>.md and bench/results/latest.md. Prints the path.
 *
 *   pnpm bench:all
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
const BENCHES: { file: string; args: string[]; note: string }[] = [
  { file: 'param-search.ts', args: ['--seeds', '2'], note: 'aggregate line only' },
  { file: 'tune-scaling.ts', args: [], note: '' },
  { file: 'eval-throughput.ts', args: ['--cases', '500'], note: 'N = 500 cases × 4 targets' },
  { file: 'sse-fanout.ts', args: [], note: '' },
  { file: 'multi-user-load.ts', args: [], note: '' },
  { file: 'memory.ts', args: [], note: '' },
  { file: 'web-replay.ts', args: [], note: '500 cases × 4 targets, headless Chromium' },
];

type Line = Record<string, unknown> & { bench: string };
type Row = { figure: string; value: string; unit: string; note: string };

function run(file: string, args: string[]): Promise<{ lines: Line[]; code: number | null; seconds: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--conditions=@llmbench/source', '--import', 'tsx', resolve(REPO, 'bench', file), ...args],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((ok) =>
    child.once('close', (code) => {
      const lines: Line[] = [];
      for (const text of out.split('\n')) {
        if (!text.startsWith('{')) continue;
        try {
          const parsed = JSON.parse(text) as Line;
          if (typeof parsed.bench === 'string') lines.push(parsed);
        } catch {
          // not a figure line
        }
      }
      ok({ lines, code, seconds: (performance.now() - started) / 1000 });
    }),
  );
}

/** The unit a figure's path implies (`wall_s` → s, `delivery_latency_ms.p50` → ms, …). */
function unitOf(path: string[]): string {
  for (const segment of [...path].reverse()) {
    if (/per_s$/.test(segment)) return '1/s';
    if (/_ms($|_)/.test(segment)) return 'ms';
    if (/_s$/.test(segment)) return 's';
    if (/_mb$/.test(segment)) return 'MB';
    if (/ratio|speedup|^ideal$/.test(segment)) return '×';
  }
  return '';
}

const SKIP = new Set(['bench', 'aggregate', 'overhead_method', 'by_model']);
// Fields that say which line a figure comes from, rather than being figures.
const CONTEXT = ['model', 'seed', 'workers'];

function rowsOf(line: Line, note: string): Row[] {
  const context = CONTEXT.filter((k) => k in line)
    .map((k) => `${k}=${String(line[k])}`)
    .join(' ');
  const rows: Row[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) walk(v, [...path, k]);
      return;
    }
    if (path.length === 1 && CONTEXT.includes(path[0]!)) return;
    rows.push({
      figure: `${line.bench}: ${path.join('.')}`,
      value: Array.isArray(value) ? value.join(', ') : String(value),
      unit: unitOf(path),
      note: [context, note].filter(Boolean).join('; '),
    });
  };
  walk(line, []);
  if (line.bench === 'eval-throughput')
    for (const r of rows) {
      if (r.figure.startsWith('eval-throughput: overhead')) r.note = String(line.overhead_method);
      if (r.figure.startsWith('eval-throughput: bare_openai.overhead'))
        r.note = 'bare loop: SDK call time - fixed latency';
    }
  return rows;
}

const startedAt = new Date();
const rows: Row[] = [];
const runs: string[] = [];
for (const b of BENCHES) {
  console.error(`# ${b.file} ${b.args.join(' ')}`);
  const { lines, code, seconds } = await run(b.file, b.args);
  runs.push(`| ${b.file} | ${b.args.join(' ') || '(defaults)'} | ${code} | ${seconds.toFixed(1)} |`);
  const picked = b.file === 'param-search.ts' ? lines.filter((l) => l.aggregate) : lines;
  for (const line of picked) rows.push(...rowsOf(line, b.note));
  if (code !== 0)
    rows.push({ figure: `${b.file}: exit code`, value: String(code), unit: '', note: 'the bench failed' });
}

const escape = (s: string) => s.replace(/\|/g, '\\|');
const md = [
  `# Benchmarks ${startedAt.toISOString()}`,
  '',
  `Host: ${cpus().length} CPU(s), Node ${process.version}. Each bench ran as its own process on a fresh stack.`,
  '',
  '| bench | arguments | exit | seconds |',
  '| --- | --- | --- | --- |',
  ...runs,
  '',
  '| figure | value | unit | note |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${escape(r.figure)} | ${escape(r.value)} | ${r.unit} | ${escape(r.note)} |`),
  '',
].join('\n');
const dir = resolve(REPO, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const dated = resolve(dir, `${startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.md`);
writeFileSync(dated, md);
writeFileSync(resolve(dir, 'latest.md'), md);
console.log(dated);
