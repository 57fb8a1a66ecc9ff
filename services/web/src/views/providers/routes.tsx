import type { RouteDef } from '../../app/router';
import { Account } from './Account';
import { EditProvider, NewProvider } from './ProviderForm';
import { ProvidersList } from './ProvidersList';

/** The providers area's routes (patterns are hash paths), plus the account view. */
export const providersRoutes: RouteDef[] = [
  { pattern: '/providers', view: ProvidersList, title: 'Providers' },
  { pattern: '/providers/new', view: NewProvider, title: 'Add a provider' },
  { pattern: '/providers/:id', view: EditProvider, title: 'Provider' },
  { pattern: '/account', view: Account, title: 'Account' },
];
