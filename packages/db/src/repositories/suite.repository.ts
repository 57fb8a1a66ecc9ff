import { sql, type Transaction } from 'kysely';
import type { SuiteImportData, TestCaseData } from '@llmbench/contracts';
import type { Database, Db } from '../database.js';
import { json } from '../tables/json.js';
import type { NewTestCase, ToolSuiteUpdate } from '../tables/suite.table.js';

const INSERT_CHUNK = 500;

type Trx = Transaction<Database>;

function caseRow(userId: string, suiteId: string, position: number, c: TestCaseData): NewTestCase {
  return {
    user_id: userId,
    suite_id: suiteId,
    position,
    prompt: c.prompt,
    expected_tool: json(c.expected_tool),
    expected_params: json(c.expected_params),
    param_scoring: c.param_scoring,
    scoring_config: json(c.scoring_config),
    category: c.category,
    tools: json(c.tools),
    multi_turn: c.multi_turn,
    max_rounds: c.max_rounds,
    optimal_hops: c.optimal_hops,
    valid_prerequisites: json(c.valid_prerequisites),
    mock_responses: json(c.mock_responses),
    argument_source: json(c.argument_source),
    bfcl: json(c.bfcl),
  };
}

/** Tool suites and their test cases. Every query is scoped by `user_id`. */
export class SuiteRepository {
  constructor(private readonly db: Db) {}

  /** Suites with tool and case counts, newest first. */
  listByUser(userId: string, limit: number, offset: number) {
    return this.db
      .selectFrom('tool_suites as s')
      .select(['s.id', 's.name', 's.description', 's.source', 's.created_at', 's.updated_at'])
      .select(sql<number>`jsonb_array_length(s.tools)`.as('tool_count'))
      .select((eb) =>
        eb
          .selectFrom('test_cases as c')
          .whereRef('c.suite_id', '=', 's.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('case_count'),
      )
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .where('s.user_id', '=', userId)
      .orderBy('s.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('tool_suites')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Creates a suite with all its cases in one transaction: an import is all or nothing. */
  createWithCases(userId: string, suite: SuiteImportData) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('tool_suites')
        .values({
          user_id: userId,
          name: suite.name,
          description: suite.description,
          system_prompt: suite.system_prompt,
          tools: json(suite.tools),
          source: json(suite.source),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertCases(trx, userId, row.id, 0, suite.test_cases);
      return row;
    });
  }

  update(userId: string, id: string, values: ToolSuiteUpdate) {
    return this.db
      .updateTable('tool_suites')
      .set({ ...values, updated_at: new Date() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  delete(userId: string, id: string) {
    return this.db
      .deleteFrom('tool_suites')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
  }

  listCases(userId: string, suiteId: string) {
    return this.db
      .selectFrom('test_cases')
      .selectAll()
      .where('user_id', '=', userId)
      .where('suite_id', '=', suiteId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  }

  getCase(userId: string, suiteId: string, caseId: string) {
    return this.db
      .selectFrom('test_cases')
      .selectAll()
      .where('user_id', '=', userId)
      .where('suite_id', '=', suiteId)
      .where('id', '=', caseId)
      .executeTakeFirst();
  }

  /** Appends cases after the suite's last position, atomically. */
  appendCases(userId: string, suiteId: string, cases: TestCaseData[]) {
    return this.db.transaction().execute(async (trx) => {
      // Lock the suite row so concurrent appends get distinct positions.
      await trx.selectFrom('tool_suites').select('id').where('id', '=', suiteId).forUpdate().execute();
      const { next } = await trx
        .selectFrom('test_cases')
        .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
        .where('suite_id', '=', suiteId)
        .executeTakeFirstOrThrow();
      return insertCases(trx, userId, suiteId, next, cases);
    });
  }

  replaceCase(userId: string, suiteId: string, caseId: string, c: TestCaseData) {
    const { user_id: _u, suite_id: _s, position: _p, ...values } = caseRow(userId, suiteId, 0, c);
    return this.db
      .updateTable('test_cases')
      .set({ ...values, updated_at: new Date() })
      .where('user_id', '=', userId)
      .where('suite_id', '=', suiteId)
      .where('id', '=', caseId)
      .returningAll()
      .executeTakeFirst();
  }

  deleteCase(userId: string, suiteId: string, caseId: string) {
    return this.db
      .deleteFrom('test_cases')
      .where('user_id', '=', userId)
      .where('suite_id', '=', suiteId)
      .where('id', '=', caseId)
      .returning('id')
      .executeTakeFirst();
  }

  /** Cases of a suite that do not name `tools` of their own, for checking a tool-list change. */
  casesUsingSuiteTools(userId: string, suiteId: string) {
    return this.db
      .selectFrom('test_cases')
      .select(['id', 'position', 'expected_tool', 'valid_prerequisites'])
      .where('user_id', '=', userId)
      .where('suite_id', '=', suiteId)
      .where(sql<boolean>`tools is null or tools = 'null'::jsonb`)
      .execute();
  }
}

async function insertCases(trx: Trx, userId: string, suiteId: string, start: number, cases: TestCaseData[]) {
  const inserted = [];
  for (let i = 0; i < cases.length; i += INSERT_CHUNK) {
    const rows = cases.slice(i, i + INSERT_CHUNK).map((c, j) => caseRow(userId, suiteId, start + i + j, c));
    inserted.push(...(await trx.insertInto('test_cases').values(rows).returningAll().execute()));
  }
  return inserted;
}
