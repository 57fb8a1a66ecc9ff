import type { RouteDef } from '../../app/router';
import { JudgeLiveView } from './JudgeLiveView';
import { JudgeStart } from './JudgeStart';
import { ReportsList } from './ReportsList';
import { ReportView } from './ReportView';
import { SharedReport } from './SharedReport';

/** The judge area's routes (patterns are hash paths). */
export const judgeRoutes: RouteDef[] = [
  { pattern: '/judge', view: JudgeStart, title: 'Judge' },
  { pattern: '/judge/jobs/:jobId', view: JudgeLiveView, title: 'Judge job' },
  { pattern: '/judge/reports', view: ReportsList, title: 'Judge reports' },
  { pattern: '/judge/reports/:id', view: ReportView, title: 'Judge report' },
  { pattern: '/shared/judge/:token', view: SharedReport, title: 'Shared judge report', public: true },
];
