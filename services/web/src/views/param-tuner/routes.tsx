import type { RouteDef } from '../../app/router';
import { Builder } from './Builder';
import { HistoryView } from './History';
import { HistoryDetail } from './HistoryDetail';
import { LiveView } from './LiveView';

/** The param-tuner area's routes (patterns are hash paths). */
export const paramTunerRoutes: RouteDef[] = [
  { pattern: '/param-tuner', view: Builder, title: 'Parameter tuner' },
  { pattern: '/param-tuner/jobs/:jobId', view: LiveView, title: 'Parameter tune (live)' },
  { pattern: '/param-tuner/history', view: HistoryView, title: 'Parameter tune history' },
  { pattern: '/param-tuner/history/:runId', view: HistoryDetail, title: 'Parameter tune' },
];
