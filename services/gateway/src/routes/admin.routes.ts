import { AdminUserPatch, JobListQuery, PageQuery } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { AdminService } from '../services/admin.service.js';

const tag = 'admin';

/** Admin-only endpoints (403 for everyone else). */
export function registerAdminRoutes(route: RouteFn, admin: AdminService): void {
  route(
    {
      method: 'get',
      path: '/api/admin/users',
      summary: 'Every user with their active jobs',
      tag,
      admin: true,
      query: PageQuery,
    },
    ({ query }) => admin.users(query.limit, query.offset),
  );
  route(
    {
      method: 'patch',
      path: '/api/admin/users/:id',
      summary: 'Change a user: role, concurrent job slots, monthly budget cap, disabled',
      tag,
      admin: true,
      body: AdminUserPatch,
    },
    ({ params, body, user, req }) =>
      admin.updateUser({ id: user.id, ip: req.ip ?? null }, params.id ?? '', body),
  );
  route(
    {
      method: 'get',
      path: '/api/admin/jobs',
      summary: "All users' active and recent jobs",
      tag,
      admin: true,
      query: JobListQuery,
    },
    ({ query }) => admin.jobs(query),
  );
  route(
    {
      method: 'post',
      path: '/api/admin/jobs/:id/cancel',
      summary: "Cancel any user's job",
      tag,
      admin: true,
    },
    ({ params, user, req }) => admin.cancelJob({ id: user.id, ip: req.ip ?? null }, params.id ?? ''),
  );
  route(
    {
      method: 'get',
      path: '/api/admin/stats',
      summary:
        'Queue depths; throughput, LLM calls/tokens and error rates per provider and category (last hour, day)',
      tag,
      admin: true,
    },
    () => admin.stats(),
  );
  route(
    {
      method: 'get',
      path: '/api/admin/audit',
      summary: 'The audit log of admin actions',
      tag,
      admin: true,
      query: PageQuery,
    },
    ({ query }) => admin.audit(query.limit, query.offset),
  );
}
