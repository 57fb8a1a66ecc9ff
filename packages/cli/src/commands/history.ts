import { targetKey } from '@llmbench/contracts';
import { EXIT } from '../errors.js';
import { fmtScore } from '../format.js';
import type { TargetResult } from '../report/eval.js';
import { renderTable } from '../table.js';
import { JSON_OPTION, print, type Command } from './command.js';

/** A row of `GET /api/tool-eval/history` (only what the table shows). */
type HistoryItem = {
  id: string;
  suite_name: string;
  status: string;
  created_at: string;
  summary: { targets?: TargetResult[] } | null;
};

const scores = (item: HistoryItem) =>
  (item.summary?.targets ?? []).map((t) => `${targetKey(t)}=${fmtScore(t.summary.overall)}`).join(' ');

export const history: Command = {
  name: 'history',
  synopsis: '[--json]',
  options: { ...JSON_OPTION },
  async run(args, ctx) {
    const page = await (
      await ctx.client()
    ).get<{ items: HistoryItem[]; total: number }>('/api/tool-eval/history?limit=200');
    print(ctx, args.flag('json'), page.items, () =>
      renderTable(
        ['RUN', 'CREATED', 'SUITE', 'STATUS', 'OVERALL'],
        page.items.map((r) => [r.id, String(r.created_at), r.suite_name, r.status, scores(r)]),
      ),
    );
    return EXIT.ok;
  },
};
