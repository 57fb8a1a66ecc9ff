/** Per-case verdict (spec 6.3). */
export interface Verdict {
  quality_score: number;
  verdict: 'pass' | 'marginal' | 'fail';
  summary: string;
  reasoning: string;
  tool_selection_assessment: 'correct' | 'acceptable_alternative' | 'wrong';
  param_assessment: 'exact' | 'close' | 'partial' | 'wrong';
}

/** Cross-case report of one model (spec 6.4). */
export interface ModelReport {
  overall_grade: string;
  overall_score: number;
  strengths: string[];
  weaknesses: string[];
  cross_case_analysis: string;
  recommendations: string[];
}

/** One A/B judgement as the judge gave it (in the order the two calls were shown). */
export interface CompareVerdict {
  winner: 'a' | 'b' | 'tie';
  confidence: number;
  reasoning: string;
}

const str = { type: 'string' } as const;
const strs = { type: 'array', items: str } as const;

/** JSON schemas requested as structured output (the judge is told the same keys in the prompt). */
export const VERDICT_SCHEMA = {
  name: 'judge_verdict',
  schema: {
    type: 'object',
    properties: {
      quality_score: { type: 'integer', minimum: 1, maximum: 5 },
      verdict: { type: 'string', enum: ['pass', 'marginal', 'fail'] },
      summary: str,
      reasoning: str,
      tool_selection_assessment: { type: 'string', enum: ['correct', 'acceptable_alternative', 'wrong'] },
      param_assessment: { type: 'string', enum: ['exact', 'close', 'partial', 'wrong'] },
    },
    required: [
      'quality_score',
      'verdict',
      'summary',
      'reasoning',
      'tool_selection_assessment',
      'param_assessment',
    ],
  },
} as const;

export const REPORT_SCHEMA = {
  name: 'judge_report',
  schema: {
    type: 'object',
    properties: {
      overall_grade: str,
      overall_score: { type: 'number', minimum: 0, maximum: 100 },
      strengths: strs,
      weaknesses: strs,
      cross_case_analysis: str,
      recommendations: strs,
    },
    required: [
      'overall_grade',
      'overall_score',
      'strengths',
      'weaknesses',
      'cross_case_analysis',
      'recommendations',
    ],
  },
} as const;

export const COMPARE_SCHEMA = {
  name: 'judge_compare',
  schema: {
    type: 'object',
    properties: {
      winner: { type: 'string', enum: ['model_a', 'model_b', 'tie'] },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      reasoning: str,
    },
    required: ['winner', 'confidence', 'reasoning'],
  },
} as const;
