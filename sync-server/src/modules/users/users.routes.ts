import { Router } from 'express';
import type { z } from 'zod';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { createMeRouter } from './me.routes.js';
import {
  type NewTokenRequest,
  type NewUserRequest,
  type UserChangeRequest,
  adminUserSchema,
  createdTokenSchema,
  newTokenRequestSchema,
  newUserRequestSchema,
  revokedTokenSchema,
  tokenListResponseSchema,
  tokenPrefixParamsSchema,
  userChangeRequestSchema,
  userEmailParamsSchema,
  userListResponseSchema,
} from './users.schemas.js';
import { addUser, changeUser, createTokenForUser, listTenantTokens, listTenantUsers, revokeToken } from './users.service.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['Admin'];
const adminOnly = errorResponse('Only an admin may manage users and tokens.');

function documentAdminRoutes(documentation: ApiDocumentation): void {
  documentation.register({
    method: 'get',
    path: '/api/v1/admin/users',
    operationId: 'listUsers',
    summary: 'List the users of your tenant',
    description: 'Every user of your tenant with role, active flag, the brands a client sees and the last use of their API tokens (admin only).',
    tags,
    responses: { 200: json(userListResponseSchema, 'The users'), 403: adminOnly },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/admin/users',
    operationId: 'addUser',
    summary: 'Add (invite) a user',
    description:
      'Adds a person by email with a role; they sign in with that Google account. The username defaults to the part before the @. A client gets the brand codes they may see. An email used elsewhere on this server is refused with 409 EMAIL_TAKEN (admin only).',
    tags,
    request: { body: body(newUserRequestSchema) },
    responses: { 201: json(adminUserSchema, 'The new user'), 403: adminOnly, 409: errorResponse('The email is already a user here (USER_EXISTS) or elsewhere on this server (EMAIL_TAKEN), or the username is taken.') },
  });
  documentation.register({
    method: 'patch',
    path: '/api/v1/admin/users/{email}',
    operationId: 'changeUser',
    summary: "Change a user's role, name, brands or active flag",
    description: 'isActive false deactivates (they can no longer sign in, their tokens stop working), true reactivates. The last active admin of a tenant cannot be demoted or deactivated: 409 LAST_ADMIN (admin only).',
    tags,
    request: { params: userEmailParamsSchema, body: body(userChangeRequestSchema) },
    responses: { 200: json(adminUserSchema, 'The user as changed'), 403: adminOnly, 404: errorResponse('No user of your tenant has this email.'), 409: errorResponse('The last active admin cannot lose the role (LAST_ADMIN).') },
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/admin/tokens',
    operationId: 'listApiTokens',
    summary: 'List the API tokens of your tenant',
    description: 'Every personal API token: prefix, name, whose, when made, last used, revoked (admin only). The tokens themselves are never shown again.',
    tags,
    responses: { 200: json(tokenListResponseSchema, 'The tokens'), 403: adminOnly },
  });
  documentation.register({
    method: 'post',
    path: '/api/v1/admin/tokens',
    operationId: 'createApiToken',
    summary: 'Create an API token for a user',
    description: 'A personal token for scripts and report tools, acting with that user\'s role. The answer holds the token: it is shown this once (admin only).',
    tags,
    request: { body: body(newTokenRequestSchema) },
    responses: { 201: json(createdTokenSchema, 'The token, shown once'), 403: adminOnly, 404: errorResponse('No user of your tenant has this email.'), 409: errorResponse('The user is deactivated.') },
  });
  documentation.register({
    method: 'delete',
    path: '/api/v1/admin/tokens/{prefix}',
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token',
    description: 'The token stops working at the next request. Revoking it again answers when it was revoked (admin only).',
    tags,
    request: { params: tokenPrefixParamsSchema },
    responses: { 200: json(revokedTokenSchema, 'Revoked'), 403: adminOnly, 404: errorResponse('No token of your tenant has this prefix.') },
  });
}

/** The admin panel's endpoints: users, roles and API tokens of the caller's tenant; and /me, everyone's own settings. */
// The service checks the caller's role, then the body: someone who may not manage users hears
// that, not what was wrong with what they sent.
export function createUsersRouter(database: Database, documentation: ApiDocumentation): Router {
  documentAdminRoutes(documentation);
  const router = Router();
  router.use(createMeRouter(database, documentation));
  router.get('/admin/users', async (_request, response) => {
    response.json({ users: await listTenantUsers(database, getActor(response)) });
  });
  router.post('/admin/users', async (request, response) => {
    response.status(201).json(await addUser(database, getActor(response), (request.body ?? {}) as NewUserRequest));
  });
  router.patch('/admin/users/:email', async (request, response) => {
    const { email } = userEmailParamsSchema.parse(request.params);
    response.json(await changeUser(database, getActor(response), email, (request.body ?? {}) as UserChangeRequest));
  });
  router.get('/admin/tokens', async (_request, response) => {
    response.json({ tokens: await listTenantTokens(database, getActor(response)) });
  });
  router.post('/admin/tokens', async (request, response) => {
    response.status(201).json(await createTokenForUser(database, getActor(response), (request.body ?? {}) as NewTokenRequest));
  });
  router.delete('/admin/tokens/:prefix', async (request, response) => {
    const { prefix } = tokenPrefixParamsSchema.parse(request.params);
    response.json(await revokeToken(database, getActor(response), prefix));
  });
  return router;
}
