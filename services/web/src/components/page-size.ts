/** Rows per page for tables that grow with a run (cases × models, combinations, verdicts). */
export const PAGE_SIZE = 250;
