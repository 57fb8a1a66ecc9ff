/** mulberry32: a tiny seeded PRNG, so property tests replay exactly from their seed. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const chance = (p: number): boolean => next() < p;
  const subset = <T>(items: readonly T[], p: number): T[] => items.filter(() => chance(p));
  return { next, int, pick, chance, subset };
}
export type Rng = ReturnType<typeof createRng>;
