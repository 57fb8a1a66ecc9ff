import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

// swagger-ui-dist ships static assets only; locate them through its package.json.
const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>LLM Benchmark Studio API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true, persistAuthorization: true });
  </script>
</body>
</html>`;

/** The interactive API reference at /api/docs, from the same OpenAPI document (assets served locally: no CDN). */
export function apiDocs(): Router {
  const router = Router();
  router.use('/api/docs/assets', express.static(assets, { index: false, maxAge: '1h' }));
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
