import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { loadCampaignsConfig } from '../campaigns/campaigns.config.js';
import {
  bookingCodeParamsSchema,
  bookingDetailSchema,
  bookingListQuerySchema,
  bookingListResponseSchema,
  bookingTransitionRequestSchema,
  bookingTransitionResponseSchema,
  deliverableParamsSchema,
  deliverableTransitionRequestSchema,
  deliverableTransitionResponseSchema,
  paymentKeyParamsSchema,
  paymentTransitionRequestSchema,
  paymentTransitionResponseSchema,
} from '../../contract/bookings/booking-payloads.js';
import { listBookingsPage, readBookingDetail, transitionBookingByCode, transitionDeliverable, transitionPayment } from './bookings.service.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['Bookings'];
const bookingNotFound = errorResponse('No booking you may see has this code.');
const conflict = errorResponse('Someone changed it since you read it (expectedRowVersion), or another write held it: read it again and retry.');

function documentBookingRoutes(documentation: ApiDocumentation): void {
  documentation.register({
    method: 'get',
    path: '/api/v1/bookings',
    operationId: 'listBookings',
    summary: 'List bookings',
    description: 'Bookings of the campaigns you may see, newest first, keyset-paginated; each with its creator, fee, deliverables posted of total and what was paid. Fees and amounts are null for roles that may not see spend.',
    tags,
    request: { query: bookingListQuerySchema },
    responses: { 200: json(bookingListResponseSchema, 'One page of bookings') },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/bookings/{code}',
    operationId: 'getBooking',
    summary: 'Get one booking',
    description:
      'The booking with its deliverables (overdue flagged), payments, status history newest first, and every status it could move to next: allowed or not for you now, with every reason the move would be refused for.',
    tags,
    request: { params: bookingCodeParamsSchema },
    responses: { 200: json(bookingDetailSchema, 'The booking'), 404: bookingNotFound },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/bookings/{code}/transition',
    operationId: 'transitionBooking',
    summary: 'Move a booking to another status',
    description:
      'negotiating → confirmed → in_progress → completed, or canceled from any open status. Written to the status history with your note. A refused move answers 422 (403 for a right, 409 for a conflict) with every reason in errors; code is the first reason (FEE_MISSING, DELIVERABLES_OPEN, CREATOR_BLACKLISTED, …).',
    tags,
    request: { params: bookingCodeParamsSchema, body: body(bookingTransitionRequestSchema) },
    responses: { 200: json(bookingTransitionResponseSchema, 'The booking moved'), 404: bookingNotFound, 409: conflict },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/bookings/{code}/deliverables/{title}/transition',
    operationId: 'transitionDeliverable',
    summary: 'Move a deliverable: approve, reject, post …',
    description:
      'Content approval: planned → shooting → waiting_approve → scheduled (approve) → posted, waiting_approve → rejected (reject, a note is required) → shooting. Approving and rejecting are for leads and admins. The deliverable is named by its booking and its title, as the deliverables and videos tabs name it.',
    tags,
    request: { params: deliverableParamsSchema, body: body(deliverableTransitionRequestSchema) },
    responses: {
      200: json(deliverableTransitionResponseSchema, 'The deliverable moved'),
      404: errorResponse('No booking you may see has this code, or it has no deliverable with this title.'),
      409: errorResponse('Several deliverables of the booking have this title, or it changed since you read it.'),
    },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/payments/{key}/transition',
    operationId: 'transitionPayment',
    summary: 'Move a payment: request, mark paid, cancel',
    description:
      'planned → pending → paid, or canceled. Marking paid is for finance and admins, needs an invoice number and a payment date (sent here or already on the payment), and is refused over the agreed fee (OVERPAID); paying before every deliverable is posted warns, or is refused when your team pays only after publication.',
    tags,
    request: { params: paymentKeyParamsSchema, body: body(paymentTransitionRequestSchema) },
    responses: { 200: json(paymentTransitionResponseSchema, 'The payment moved'), 404: errorResponse('No payment you may see has this key.'), 409: conflict },
  });
}

/** The execution loop's REST API: bookings, their deliverables and payments (issue 14). */
export function createBookingsRouter(database: Database, documentation: ApiDocumentation): Router {
  documentBookingRoutes(documentation);
  const config = loadCampaignsConfig();
  const prisma = database.prisma;
  const router = Router();

  router.get('/bookings', async (request, response) => {
    const query = bookingListQuerySchema.parse(request.query);
    response.json(await listBookingsPage(prisma, getActor(response), query));
  });
  router.get('/bookings/:code', async (request, response) => {
    const { code } = bookingCodeParamsSchema.parse(request.params);
    response.json(await readBookingDetail(prisma, getActor(response), code, config));
  });
  router.post('/bookings/:code/transition', async (request, response) => {
    const { code } = bookingCodeParamsSchema.parse(request.params);
    const input = bookingTransitionRequestSchema.parse(request.body);
    response.json(await transitionBookingByCode(prisma, getActor(response), code, input, config));
  });
  router.post('/bookings/:code/deliverables/:title/transition', async (request, response) => {
    const { code, title } = deliverableParamsSchema.parse(request.params);
    const input = deliverableTransitionRequestSchema.parse(request.body);
    response.json(await transitionDeliverable(prisma, getActor(response), code, title, input, config));
  });
  router.post('/payments/:key/transition', async (request, response) => {
    const { key } = paymentKeyParamsSchema.parse(request.params);
    const input = paymentTransitionRequestSchema.parse(request.body);
    response.json(await transitionPayment(prisma, getActor(response), key, input, config));
  });
  return router;
}
