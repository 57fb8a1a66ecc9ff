import type { RouteDef } from '../../app/router';
import { ConfigView } from './ConfigView';
import { HistoryDetail } from './HistoryDetail';
import { HistoryView } from './HistoryView';
import { LibraryView } from './LibraryView';
import { LiveView } from './LiveView';

/** The prompt-tuner area's routes (patterns are hash paths). */
export const promptTunerRoutes: RouteDef[] = [
  { pattern: '/prompt-tuner', view: ConfigView, title: 'Prompt Tuner' },
  { pattern: '/prompt-tuner/jobs/:jobId', view: LiveView, title: 'Prompt tune' },
  { pattern: '/prompt-tuner/history', view: HistoryView, title: 'Prompt tune history' },
  { pattern: '/prompt-tuner/history/:runId', view: HistoryDetail, title: 'Prompt tune' },
  { pattern: '/prompt-tuner/library', view: LibraryView, title: 'Prompt library' },
];
