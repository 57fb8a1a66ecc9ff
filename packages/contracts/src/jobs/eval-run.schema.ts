import { z } from 'zod';
import { Target } from '../api/common.schema.js';
import { TestCaseInput } from '../api/suite.schema.js';
import { Tool } from '../api/tool.schema.js';

/** A target as a run recorded it at submission: what was called, with which settings. */
export const RunTarget = Target.extend({
  display_name: z.string(),
  provider: z.string(),
  base_url: z.string().nullable(),
  system_prompt: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  prices: z.object({ input_per_mtok: z.number(), output_per_mtok: z.number() }).nullable(),
  /** What the provider-parameter pipeline changed to make `params` valid for this provider and model. */
  adjustments: z
    .array(z.looseObject({ param: z.string(), action: z.string(), reason: z.string() }))
    .default([]),
});
export type RunTarget = z.infer<typeof RunTarget>;

/** The suite as the run used it; editing or deleting the suite later never changes history. */
export const SuiteSnapshot = z.object({
  suite_id: z.string(),
  name: z.string(),
  system_prompt: z.string(),
  tools: z.array(Tool),
  cases: z.array(z.object({ id: z.string(), position: z.number().int(), data: TestCaseInput })),
});
export type SuiteSnapshot = z.infer<typeof SuiteSnapshot>;
