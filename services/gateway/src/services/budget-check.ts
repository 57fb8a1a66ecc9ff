import { AppError } from '@llmbench/contracts';
import type { UserRepository } from '@llmbench/db';

/**
 * Refuses (409, `confirmation_required` on `body.confirm`) a run estimated above what is left of
 * the user's monthly budget, unless the request says `confirm: true`.
 */
export async function checkMonthlyBudget(
  users: UserRepository,
  userId: string,
  estimate: number | null,
  confirm: boolean | undefined,
): Promise<void> {
  if (confirm || estimate === null) return;
  const { budget_usd_monthly: cap, spent_this_month_usd: spent } = await users.budget(userId);
  if (cap === null || estimate <= cap - spent) return;
  const left = Math.max(0, cap - spent);
  throw new AppError(
    'conflict',
    `estimated cost $${estimate.toFixed(4)} exceeds the $${left.toFixed(4)} left of your monthly budget; send confirm: true to start anyway`,
    [
      {
        path: 'body.confirm',
        message: 'required to exceed the monthly budget',
        code: 'confirmation_required',
      },
    ],
  );
}
