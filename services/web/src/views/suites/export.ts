import { ApiError, authorizedFetch } from '../../api/client';
import { fileNameFromDisposition } from './logic';

/** Downloads `GET /api/tool-suites/{id}/export` as a file (fetched with the session's token). */
export async function downloadSuiteExport(id: string, name: string): Promise<void> {
  let res: Response;
  try {
    res = await authorizedFetch(`/api/tool-suites/${id}/export`);
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `http_${res.status}`,
      body?.error?.message ?? res.statusText,
    );
  }
  const blob = await res.blob();
  const fallback = `${name.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'suite'}.json`;
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFromDisposition(res.headers.get('content-disposition'), fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
