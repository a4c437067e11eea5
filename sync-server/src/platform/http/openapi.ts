import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** The error body every endpoint answers with when it refuses. */
export const errorResponseSchema = z.object({
  detail: z.string().describe('What went wrong, in plain language.'),
  code: z.string().describe('A stable code: VALIDATION_FAILED, NOT_FOUND, MISSING_CREATOR, …'),
  errors: z.record(z.string(), z.array(z.string())).describe('Messages per field or column; "_request" for the request as a whole.'),
});

const standardErrors: RouteConfig['responses'] = Object.fromEntries(
  [
    [400, 'The request could not be read.'],
    [401, 'No valid Google sign-in or API token.'],
    [403, 'Your role does not allow this.'],
    [422, 'Some values are not valid; see errors.'],
    [429, 'Too many requests; wait a minute.'],
  ].map(([status, description]) => [status, { description: String(description), content: { 'application/json': { schema: errorResponseSchema } } }]),
);

/**
 * Every route registers its zod schemas here as it is defined, so /openapi.json describes
 * exactly what the server validates.
 */
export class ApiDocumentation {
  private readonly registry = new OpenAPIRegistry();

  constructor() {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      description: 'A Google ID token (the add-on) or a personal API token (bc_…, created with npm run token -- create).',
    });
  }

  register(route: RouteConfig): void {
    this.registry.registerPath({ security: [{ bearer: [] }], ...route, responses: { ...standardErrors, ...route.responses } });
  }

  generate(serverUrl?: string): object {
    return new OpenApiGeneratorV3(this.registry.definitions).generateDocument({
      openapi: '3.0.3',
      info: {
        title: 'Booking Center sync server',
        version: '1',
        description: 'The API the Google Sheets add-on and report tools use: sheet sync, campaign actions, reports, imports and exports.',
      },
      servers: serverUrl ? [{ url: serverUrl }] : [],
    });
  }
}
