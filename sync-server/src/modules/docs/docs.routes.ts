import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import type { ApiDocumentation } from '../../platform/http/openapi.js';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Booking Center API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

// A file, not an inline script, so the Content-Security-Policy can forbid inline scripts.
const initScript = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

/** /openapi.json generated from the zod schemas, and interactive docs at /docs (served locally, no CDN). */
export function createDocsRouter(documentation: ApiDocumentation): Router {
  const router = Router();
  // Every route has registered itself by the time the first request comes: build the document
  // once, and only name the server per request (it is whatever address the caller used).
  let document: object | undefined;
  router.get('/openapi.json', (request, response) => {
    document ??= documentation.generate();
    response.json({ ...document, servers: [{ url: `${request.protocol}://${request.get('host')}`, description: 'This server' }] });
  });
  router.use('/docs/assets', express.static(swaggerUiDir, { index: false, maxAge: '1h' }));
  router.get('/docs/init.js', (_request, response) => {
    response.type('application/javascript').send(initScript);
  });
  router.get('/docs', (_request, response) => {
    response.type('html').send(docsPage);
  });
  return router;
}
