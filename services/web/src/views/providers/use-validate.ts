import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { ValidateResponse } from './registry';

export type Validation =
  | { state: 'idle' }
  | { state: 'checking'; previous?: ValidateResponse }
  | { state: 'done'; result: ValidateResponse }
  | { state: 'error'; error: ApiError };

/**
 * Live validation: `POST /api/provider-params/validate` for the given provider and model, debounced, with the
 * latest answer winning (an answer to an older edit is ignored).
 */
export function useValidate(
  provider: string,
  modelId: string,
  params: Record<string, unknown>,
  passthrough: Record<string, unknown>,
  delayMs = 300,
): Validation {
  const request = JSON.stringify({ provider, model_id: modelId.trim(), params, passthrough });
  const [validation, setValidation] = useState<{ for: string; value: Validation }>({
    for: '',
    value: { state: 'idle' },
  });
  useEffect(() => {
    const body = JSON.parse(request) as { model_id: string };
    if (!body.model_id) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<ValidateResponse>('/api/provider-params/validate', body)
        .then((result) => live && setValidation({ for: request, value: { state: 'done', result } }))
        .catch(
          (error: unknown) =>
            live &&
            setValidation({
              for: request,
              value: {
                state: 'error',
                error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
              },
            }),
        );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request, delayMs]);
  if (!JSON.parse(request).model_id) return { state: 'idle' };
  if (validation.for !== request) {
    const v = validation.value;
    return { state: 'checking', previous: v.state === 'done' ? v.result : undefined };
  }
  return validation.value;
}
