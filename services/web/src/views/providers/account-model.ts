import type { Tone } from '../../components/ui';

export type Budget = { budget_usd_monthly: number | null; spent_this_month_usd: number };

/** What to say about this month's spend against the cap. */
export function budgetStatus(b: Budget): {
  left: number | null;
  pct: number | null;
  tone: Tone;
  label: string;
} {
  const cap = b.budget_usd_monthly;
  if (cap === null) return { left: null, pct: null, tone: 'neutral', label: 'no cap' };
  const left = Math.max(0, cap - b.spent_this_month_usd);
  const pct = cap === 0 ? 100 : Math.min(100, (b.spent_this_month_usd / cap) * 100);
  if (b.spent_this_month_usd >= cap) return { left, pct, tone: 'bad', label: 'cap reached' };
  if (pct >= 80) return { left, pct, tone: 'warn', label: `${Math.round(pct)} % used` };
  return { left, pct, tone: 'ok', label: `${Math.round(pct)} % used` };
}
