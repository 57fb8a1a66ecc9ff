import type { RouteDef } from '../../app/router';
import { EvalCase } from './EvalCase';
import { EvalHistory } from './EvalHistory';
import { EvalLive } from './EvalLive';
import { EvalRun } from './EvalRun';
import { EvaluateForm } from './EvaluateForm';

/** The evaluate area's routes (patterns are hash paths). */
export const evaluateRoutes: RouteDef[] = [
  { pattern: '/evaluate', view: EvaluateForm, title: 'Evaluate' },
  { pattern: '/evaluate/jobs/:jobId', view: EvalLive, title: 'Evaluation (live)' },
  { pattern: '/evaluate/history', view: EvalHistory, title: 'Evaluation history' },
  { pattern: '/evaluate/history/:runId', view: EvalRun, title: 'Evaluation run' },
  { pattern: '/evaluate/history/:runId/results/:resultId', view: EvalCase, title: 'Case result' },
];
