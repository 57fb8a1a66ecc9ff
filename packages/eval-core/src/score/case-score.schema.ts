import { z } from 'zod';
import { LlmErrorCategory } from '../llm-client.js';
import { BfclVerdict } from './bfcl-score.js';
import { ErrorType } from './error-taxonomy.js';
import { ExtractedCall } from './extract-call.js';
import { FormatCompliance } from './format-compliance.js';
import { MultiTurnDetail } from './multi-turn-score.js';
import { ParamDetail } from './param-accuracy.js';
import { SchemaCheck } from './schema-check.js';

const Score = z.number().min(0).max(1);

/**
 * The score of one run of one case. Stored as JSON and streamed in progress events; every score
 * is on the 0..1 scale, rounded to 4 dp.
 */
export const CaseScore = z.object({
  /** Rules the numbers were computed with (see `SCORING_VERSION`). */
  scoring_version: z.number().int(),
  /** The API call succeeded. */
  success: z.boolean(),
  tool_score: Score,
  /** null when parameters are not scored for this case. */
  param_score: Score.nullable(),
  overall_score: Score,
  /** success and overall 1 (for BFCL cases: BFCL's checker passed). */
  passed: z.boolean(),
  actual_tool: z.string().nullable(),
  actual_params: z.record(z.string(), z.unknown()).nullable(),
  /** Every call made (parallel calls; the multi-turn chain), with repair notes. */
  actual_calls: z.array(ExtractedCall),
  expected_tool: z.union([z.string(), z.array(z.string()), z.null()]),
  expected_params: z.record(z.string(), z.unknown()).nullable(),
  category: z.string().nullable(),
  format_compliance: FormatCompliance,
  error_type: ErrorType.nullable(),
  /** Sanitised API error text (no keys or tokens). */
  error: z.string().nullable(),
  error_category: LlmErrorCategory.nullable(),
  param_details: z.array(ParamDetail),
  /** Arguments vs the called tool's JSON Schema; reported, not part of overall. */
  schema_check: SchemaCheck.nullable(),
  bfcl: BfclVerdict.optional(),
  multi_turn: MultiTurnDetail.optional(),
  /** Free-form notes, e.g. `tool_choice_fallback:auto`, `parallel_calls:3`. */
  notes: z.array(z.string()),
});
export type CaseScore = z.infer<typeof CaseScore>;

/** Alias of {@link CaseScore} (the schema), under the name the issue asked for. */
export const CaseScoreSchema = CaseScore;
