import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

const MISSING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LLM Benchmark Studio</title></head>
<body><h1>LLM Benchmark Studio</h1><p>The web app is not built. Run <code>pnpm build</code> (or set
<code>WEB_DIR</code> to a built <code>services/web/dist</code>). The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

// Scripts and connections only to this origin (the API, SSE and /ws); no framing.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The Studio's web app at `/`: hashed assets cached for good, index.html never (a new deploy is
 * picked up on reload). Routing is in the URL hash, so only `/` needs the page.
 */
export function webApp(webDir: string): Router {
  const router = Router();
  const index = join(webDir, 'index.html');
  router.use(
    '/assets',
    express.static(join(webDir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
  );
  router.get(['/', '/index.html'], (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    if (existsSync(index)) res.sendFile(index);
    else res.status(404).type('html').send(MISSING);
  });
  return router;
}
