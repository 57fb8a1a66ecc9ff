import type { SuiteSummary } from '@llmbench/contracts';
import { EXIT } from '../errors.js';
import { readJsonFile, writeTextFile } from '../files.js';
import { renderTable } from '../table.js';
import { JSON_OPTION, print, type Command } from './command.js';

export const suitesList: Command = {
  name: 'suites list',
  synopsis: '[--json]',
  options: { ...JSON_OPTION },
  async run(args, ctx) {
    const page = await (
      await ctx.client()
    ).get<{ items: SuiteSummary[]; total: number }>('/api/tool-suites?limit=200');
    print(ctx, args.flag('json'), page.items, () =>
      renderTable(
        ['ID', 'NAME', 'TOOLS', 'CASES'],
        page.items.map((s) => [s.id, s.name, String(s.tool_count), String(s.case_count)]),
        ['left', 'left', 'right', 'right'],
      ),
    );
    return EXIT.ok;
  },
};

export const suitesImport: Command = {
  name: 'suites import',
  synopsis: 'FILE [--json]',
  positionals: ['FILE'],
  options: { ...JSON_OPTION },
  async run(args, ctx) {
    const document = await readJsonFile(args.positionals[0]!);
    const created = await (
      await ctx.client()
    ).post<{ id: string; name: string; case_count: number }>('/api/tool-eval/import', document);
    print(
      ctx,
      args.flag('json'),
      created,
      () => `imported "${created.name}" as ${created.id} (${created.case_count} cases)\n`,
    );
    return EXIT.ok;
  },
};

export const suitesExport: Command = {
  name: 'suites export',
  synopsis: 'ID [--out FILE]',
  positionals: ['ID'],
  options: { out: { type: 'string' } },
  async run(args, ctx) {
    const id = encodeURIComponent(args.positionals[0]!);
    const document = await (await ctx.client()).get<unknown>(`/api/tool-suites/${id}/export`);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const out = args.string('out');
    if (out) {
      await writeTextFile(out, text);
      ctx.io.stderr.write(`wrote ${out}\n`);
    } else {
      ctx.io.stdout.write(text);
    }
    return EXIT.ok;
  },
};
