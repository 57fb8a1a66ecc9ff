import {
  AppError,
  ApiTokenView,
  AuthResponse,
  CreateApiTokenRequest,
  CreatedApiToken,
  listOf,
  LoginRequest,
  LogoutRequest,
  RefreshRequest,
  RegisterRequest,
  UserView,
  BudgetView,
  UpdateBudgetRequest,
} from '@llmbench/contracts';
import type { UserRepository } from '@llmbench/db';
import type { RouteFn } from '../http/route.js';
import type { AuthService } from '../services/auth.service.js';
import type { ApiTokenService } from '../services/api-token.service.js';
import { toUserView } from '../services/views.js';

const tag = 'auth';

export function registerAuthRoutes(
  route: RouteFn,
  auth: AuthService,
  apiTokens: ApiTokenService,
  users: UserRepository,
): void {
  route(
    {
      method: 'post',
      path: '/api/auth/register',
      summary: 'Create an account (the first one is admin)',
      tag,
      auth: false,
      body: RegisterRequest,
      response: AuthResponse,
      status: 201,
    },
    ({ body, req }) => auth.register(body, req.ip ?? 'unknown'),
  );
  route(
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Log in; throttled per IP and per account',
      tag,
      auth: false,
      body: LoginRequest,
      response: AuthResponse,
    },
    ({ body, req }) => auth.login(body, req.ip ?? 'unknown'),
  );
  route(
    {
      method: 'post',
      path: '/api/auth/refresh',
      summary: 'Rotate a refresh token for a new token pair',
      tag,
      auth: false,
      body: RefreshRequest,
      response: AuthResponse,
    },
    ({ body }) => auth.refresh(body.refresh_token),
  );
  route(
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Revoke the refresh token (and its rotations)',
      tag,
      body: LogoutRequest.optional(),
    },
    ({ body, user }) => auth.logout(user.id, body?.refresh_token),
  );
  route(
    { method: 'get', path: '/api/auth/me', summary: 'The authenticated user', tag, response: UserView },
    ({ user }) => toUserView(user),
  );
  route(
    {
      method: 'get',
      path: '/api/auth/me/budget',
      summary: "Your monthly spending cap and this month's spend",
      tag,
      response: BudgetView,
    },
    ({ user }) => users.budget(user.id),
  );
  route(
    {
      method: 'patch',
      path: '/api/auth/me/budget',
      summary: 'Set your monthly spending cap (null: none); tunes estimated above what is left need confirm',
      tag,
      body: UpdateBudgetRequest,
      response: BudgetView,
    },
    async ({ body, user }) => {
      await users.setBudget(user.id, body.budget_usd_monthly);
      return users.budget(user.id);
    },
  );
  route(
    {
      method: 'post',
      path: '/api/auth/tokens',
      summary: 'Create a personal API token (shown once)',
      tag,
      body: CreateApiTokenRequest,
      response: CreatedApiToken,
      status: 201,
    },
    ({ body, user }) => apiTokens.create(user.id, body),
  );
  route(
    {
      method: 'get',
      path: '/api/auth/tokens',
      summary: 'List personal API tokens',
      tag,
      response: listOf(ApiTokenView),
    },
    ({ user }) => apiTokens.list(user.id),
  );
  route(
    { method: 'delete', path: '/api/auth/tokens/:id', summary: 'Revoke a personal API token', tag },
    async ({ params, user }) => {
      if (!(await apiTokens.revoke(user.id, params.id ?? '')))
        throw new AppError('not_found', 'API token not found');
    },
  );
}
