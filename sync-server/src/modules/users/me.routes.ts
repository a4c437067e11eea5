import { Router } from 'express';
import { meChangeRequestSchema, meResponseSchema, type MeChangeRequest } from '../../contract/me-payloads.js';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { changeMe, readMe } from './me.service.js';

const tags = ['Me'];
const me = { description: 'You', content: { 'application/json': { schema: meResponseSchema } } };

function documentMeRoutes(documentation: ApiDocumentation): void {
  documentation.register({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'Who you are, and the language you chose',
    description:
      "Your email, name and role; `language` is the one you chose (null: you follow the spreadsheet's locale, then your tenant's language), `tenantLanguage` and `baseCurrency` your tenant's. Any signed-in user.",
    tags,
    responses: { 200: me, 404: errorResponse('This sign-in stands for no user of the tenant (the development token on an install without an admin).') },
  });
  documentation.register({
    method: 'patch',
    path: '/api/v1/me',
    operationId: 'changeMe',
    summary: 'Choose the language Booking Center speaks to you',
    description:
      'Stores your language (vi, en, am), or null to follow the spreadsheet and the tenant again. From the next request on, the server answers you in it when the request sends no Accept-Language. Any signed-in user; audited; refused on a read-only licence.',
    tags,
    request: { body: { content: { 'application/json': { schema: meChangeRequestSchema } } } },
    responses: { 200: me, 403: errorResponse('The installation is read-only (LICENSE_READ_ONLY).'), 422: errorResponse('The language is not vi, en, am or null.') },
  });
}

/** /api/v1/me: the signed-in person's own settings, whatever their role. */
export function createMeRouter(database: Database, documentation: ApiDocumentation): Router {
  documentMeRoutes(documentation);
  const router = Router();
  router.get('/me', async (_request, response) => {
    response.json(await readMe(database, getActor(response)));
  });
  router.patch('/me', async (request, response) => {
    response.json(await changeMe(database, getActor(response), (request.body ?? {}) as MeChangeRequest));
  });
  return router;
}
