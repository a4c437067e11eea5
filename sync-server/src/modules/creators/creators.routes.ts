import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { loadCampaignsConfig, todayIn } from '../campaigns/campaigns.config.js';
import { readCreatorScorecard } from './creator-scorecard.service.js';
import { creatorKeyParamsSchema, creatorNotesResponseSchema, creatorScorecardResponseSchema, rateCardProposalResponseSchema, rateCardQuerySchema } from './creators.schemas.js';
import { proposeCreatorFee, readCreatorNotes } from './creators.service.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notFound = errorResponse('No creator this reader may see has this key.');
const tags = ['Creators'];

function documentCreatorRoutes(documentation: ApiDocumentation): void {
  documentation.register({
    method: 'get',
    path: '/api/v1/creators/{key}/notes',
    operationId: 'listCreatorNotes',
    summary: "List a creator's notes",
    description: "The creator's notes (calls, meetings, complaints, compliments), newest first, with who wrote each. A client sees none: the notes are the agency's.",
    tags,
    request: { params: creatorKeyParamsSchema },
    responses: { 200: json(creatorNotesResponseSchema, 'The notes, newest first'), 404: notFound },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/creators/{key}/rate-card',
    operationId: 'getCreatorRateCardFee',
    summary: "Propose a fee from a creator's rate card",
    description:
      "The price of the creator's rate card valid on the date for the deliverable type (the latest-starting card when several are), with the price in the base currency at that day's exchange rate. proposal is null when no card applies. Needs the right to see budgets.",
    tags,
    request: { params: creatorKeyParamsSchema, query: rateCardQuerySchema },
    responses: { 200: json(rateCardProposalResponseSchema, 'The proposed fee, or null'), 404: notFound },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/creators/{key}/scorecard',
    operationId: 'getCreatorScorecard',
    summary: "Read a creator's scorecard",
    description:
      "How the creator has worked with the agency: campaigns and bookings (live, not canceled), the share of deliverables posted on or before their deadline (the post day is the linked video's post date), how many times a draft was rejected (from the history), the deliverables CREATOR_RISK counts (rejected now, or overdue), average views per video at the latest snapshot, attributed orders and revenue, total paid and ROAS in the base currency, and the last collaboration. A client's scorecard counts only their brands' campaigns. totalPaid and roas are null without the right to see budgets.",
    tags,
    request: { params: creatorKeyParamsSchema },
    responses: { 200: json(creatorScorecardResponseSchema, 'The scorecard'), 404: notFound },
  });
}

/** What the sidebar and the booking form read about one creator. */
export function createCreatorsRouter(database: Database, documentation: ApiDocumentation): Router {
  documentCreatorRoutes(documentation);
  const prisma = database.prisma;
  const config = loadCampaignsConfig();
  const router = Router();
  router.get('/creators/:key/notes', async (request, response) => {
    const { key } = creatorKeyParamsSchema.parse(request.params);
    response.json(await readCreatorNotes(prisma, getActor(response), key));
  });
  router.get('/creators/:key/rate-card', async (request, response) => {
    const { key } = creatorKeyParamsSchema.parse(request.params);
    const query = rateCardQuerySchema.parse(request.query);
    response.json(await proposeCreatorFee(prisma, getActor(response), key, query.deliverable_type, query.date));
  });
  router.get('/creators/:key/scorecard', async (request, response) => {
    const { key } = creatorKeyParamsSchema.parse(request.params);
    // Today is the team's day, as CREATOR_RISK counts overdue deliverables.
    response.json(await readCreatorScorecard(prisma, getActor(response), key, todayIn(config.timeZone)));
  });
  return router;
}
