import type { RouteDef } from './router';
import { Home } from '../views/home/Home';
import { providersRoutes } from '../views/providers/routes';
import { suitesRoutes } from '../views/suites/routes';
import { evaluateRoutes } from '../views/evaluate/routes';
import { paramTunerRoutes } from '../views/param-tuner/routes';
import { promptTunerRoutes } from '../views/prompt-tuner/routes';
import { judgeRoutes } from '../views/judge/routes';

/** Every route of the app; each feature owns its own list. */
export const ROUTES: RouteDef[] = [
  { pattern: '/', view: Home, title: 'Tool Eval' },
  ...providersRoutes,
  ...suitesRoutes,
  ...evaluateRoutes,
  ...paramTunerRoutes,
  ...promptTunerRoutes,
  ...judgeRoutes,
];

/** The main navigation: the Tool Eval area and its sub-views, then settings. */
export const NAV: { to: string; label: string }[] = [
  { to: '/', label: 'Overview' },
  { to: '/suites', label: 'Suites' },
  { to: '/evaluate', label: 'Evaluate' },
  { to: '/param-tuner', label: 'Param Tuner' },
  { to: '/prompt-tuner', label: 'Prompt Tuner' },
  { to: '/judge', label: 'Judge' },
  { to: '/providers', label: 'Providers' },
];
