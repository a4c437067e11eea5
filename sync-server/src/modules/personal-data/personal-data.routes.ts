import { Router } from 'express';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { creatorKeyParamsSchema, eraseRequestSchema, eraseResponseSchema } from './personal-data.http-schemas.js';
import { erasePersonalData } from './personal-data-erasure.service.js';

/** Personal data on request (002 §16): the erasure door. Masking needs no door: every read applies it. */
export function createPersonalDataRouter(database: Database, documentation: ApiDocumentation): Router {
  documentation.register({
    method: 'post',
    path: '/api/v1/creators/{creatorKey}/erase',
    operationId: 'eraseCreatorPersonalData',
    summary: "Erase a creator's personal data",
    description:
      "Admin only, irreversible. Anonymises the creator's name, clears alias, gender, date of birth, location and internal note, blanks every contact (phone, Zalo, email, WeChat, name), anonymises channel handles and empties notes; bookings, payments, videos, metrics and aggregates are kept. With `contact`, only that contact is erased. Without `confirm` equal to the creator key: 422 CONFIRMATION_REQUIRED, saying what to type. Audited without the erased values.",
    tags: ['Personal data'],
    request: { params: creatorKeyParamsSchema, body: { content: { 'application/json': { schema: eraseRequestSchema } } } },
    responses: {
      200: { description: 'Erased, with what was kept', content: { 'application/json': { schema: eraseResponseSchema } } },
      404: errorResponse('No creator (or contact) has this key.'),
    },
  });
  const router = Router();
  router.post('/creators/:creatorKey/erase', async (request, response) => {
    const { creatorKey } = creatorKeyParamsSchema.parse(request.params);
    const body = eraseRequestSchema.parse(request.body ?? {});
    const result = await erasePersonalData(database.prisma, getActor(response), {
      creatorKey,
      confirm: body.confirm,
      contact: body.contact ? { contactType: body.contact.type, name: body.contact.name } : undefined,
    });
    response.json(result);
  });
  return router;
}
