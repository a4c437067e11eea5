import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** The error body every endpoint answers with when it refuses. */
export const errorResponseSchema = z
  .object({
    detail: z.string().describe('What went wrong, in plain language.'),
    code: z.string().describe('A stable code: VALIDATION_FAILED, NOT_FOUND, MISSING_CREATOR, …'),
    errors: z.record(z.string(), z.array(z.string())).describe('Messages per field or column; "_request" for the request as a whole.'),
  })
  .meta({ id: 'ErrorResponse' });

const retryAfter = z.number().int().min(1).describe('Seconds to wait before sending the request again.');
const retryAfterHeader = z.object({ 'Retry-After': retryAfter });

/** A refusal in the one error shape, e.g. `errorResponse('No campaign has this code.')` for a 404. */
export function errorResponse(description: string, headers?: ResponseConfig['headers']): ResponseConfig {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema: errorResponseSchema } } };
}

/** The answer to a request that waited behind too many others: nothing was done, try again. */
export const busyResponse = errorResponse('The server is busy: nothing was done; send the request again after Retry-After seconds.', retryAfterHeader);

const standardErrors: RouteConfig['responses'] = {
  400: errorResponse('The request could not be read.'),
  401: errorResponse('No valid Google sign-in or API token.'),
  403: errorResponse('Your role does not allow this.'),
  422: errorResponse('Some values are not valid; see errors.'),
  429: errorResponse('Too many requests, or too many failed sign-ins; wait a minute.', z.object({ 'Retry-After': retryAfter.optional() })),
};

/**
 * A route as the API description needs it. `operationId` is the name a generated client calls
 * it by (`client.listCampaigns()`), so it is required, camelCase, starts with a verb and is
 * unique; `summary` is the short line /docs shows beside the path, `description` the rest.
 */
export type DocumentedRoute = RouteConfig & { operationId: string; summary: string };

// Lower-case verb, then the thing it acts on: listCampaigns, pushSheetRows, getReportsOverview.
const operationIdPattern = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/**
 * Every route registers its zod schemas here as it is defined, so /openapi.json describes
 * exactly what the server validates. Schemas named with `.meta({ id })` (ErrorResponse,
 * CellRecord, ImportReport, …) are written once under components and referenced elsewhere.
 */
export class ApiDocumentation {
  private readonly registry = new OpenAPIRegistry();
  private readonly operations = new Map<string, string>();

  constructor() {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      description: 'A Google ID token (the add-on) or a personal API token (bc_…, created with npm run token -- create).',
    });
  }

  /** Refuses, at start-up, a route a client could not call by a name of its own. */
  register(route: DocumentedRoute): void {
    const where = `${route.method.toUpperCase()} ${route.path}`;
    if (!operationIdPattern.test(route.operationId ?? '')) {
      throw new Error(`${where}: operationId "${route.operationId}" must be camelCase and start with a verb, e.g. listCampaigns.`);
    }
    const taken = this.operations.get(route.operationId);
    if (taken) throw new Error(`${where}: operationId "${route.operationId}" is already used by ${taken}.`);
    if (!route.summary?.trim()) throw new Error(`${where}: give the route a summary (the line /docs shows).`);
    this.operations.set(route.operationId, where);
    this.registry.registerPath({ security: [{ bearer: [] }], ...route, responses: { ...standardErrors, ...route.responses } });
  }

  /** The OpenAPI 3.1 document; 3.1 because its `type: [x, "null"]` says "or null" without 3.0's `nullable` quirks. */
  generate(serverUrl = '/'): object {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Booking Center sync server',
        version: '1',
        description: 'The API the Google Sheets add-on and report tools use: sheet sync, campaign actions, reports, imports and exports.',
        license: { name: 'Proprietary: licensed per installation (docs/license.md)', identifier: 'LicenseRef-Booking-Center' },
      },
      servers: [{ url: serverUrl, description: 'This server' }],
      tags: [
        { name: 'Sheet sync', description: 'What the add-on reads and writes: the tab definitions, pull and push.' },
        { name: 'Campaigns', description: 'The campaign list, detail and actions of the sidebar.' },
        { name: 'Pickers', description: 'Search creators and products to add to a campaign.' },
        { name: 'Reports', description: 'Figures across campaigns.' },
        { name: 'Exports', description: 'Downloads in the import template format.' },
        { name: 'Imports', description: 'Upload a CSV or XLSX file.' },
        { name: 'Admin', description: 'Users, roles and API tokens of your tenant (admins only).' },
        { name: 'Personal data', description: "Erase a creator's personal data on request (admins only)." },
      ],
    });
  }
}
