import { useState } from 'react';
import { ApiError } from '../../api/client';

/** Any failure as an ApiError, so forms can read its field errors the same way. */
export const toApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));

/** A form's request to the API: busy while it runs, and its refusal kept for the form to show. */
export function useSubmit() {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function run(request: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await request();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}
