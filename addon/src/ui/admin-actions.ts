/**
 * What the sidebar's admin panel calls through google.script.run: the users of the tenant with
 * their roles, inviting by email, deactivating, and API tokens. The server decides who is an
 * admin: the panel asks for the users, and a 403 means the person is not one, so the section
 * stays hidden (nothing about roles is kept in the add-on).
 */
import type { AdminUser, ApiTokenSummary, CreatedToken, UserChangeRequest, UserRole } from '../../../sync-server/src/contract/admin-payloads.js';
import { openSyncApi } from '../sync-client/gas-http.js';
import { SyncError, type SyncApi } from '../sync-client/sync-api.js';
import { reportFailures } from './sync-actions.js';

export type AdminPanel = { isAdmin: false } | { isAdmin: true; users: AdminUser[]; tokens: ApiTokenSummary[] };

export type InviteInput = { email: string; displayName: string; role: UserRole; brands?: string[] };

function readPanel(api: SyncApi): AdminPanel {
  return { isAdmin: true, users: api.listUsers(), tokens: api.listTokens() };
}

export function getAdminPanel(): AdminPanel {
  const api = openSyncApi();
  try {
    return readPanel(api);
  } catch (error) {
    // Not an admin: no section, and no toast about it.
    if (error instanceof SyncError && error.failure.status === 403) return { isAdmin: false };
    return reportFailures(() => {
      throw error;
    });
  }
}

export function inviteUser(input: InviteInput): AdminPanel {
  return reportFailures(() => {
    const api = openSyncApi();
    api.addUser({ email: input.email, displayName: input.displayName, role: input.role, ...(input.brands?.length ? { brands: input.brands } : {}) });
    return readPanel(api);
  });
}

/** A role change, deactivation or reactivation. */
export function changeUserAccess(email: string, change: UserChangeRequest): AdminPanel {
  return reportFailures(() => {
    const api = openSyncApi();
    api.changeUser(email, change);
    return readPanel(api);
  });
}

/** The new token is in this answer only: the panel shows it once. */
export function createApiTokenFor(email: string, name: string): { created: CreatedToken; panel: AdminPanel } {
  return reportFailures(() => {
    const api = openSyncApi();
    const created = api.createToken({ email, name });
    return { created, panel: readPanel(api) };
  });
}

export function revokeApiToken(prefix: string): AdminPanel {
  return reportFailures(() => {
    const api = openSyncApi();
    api.revokeToken(prefix);
    return readPanel(api);
  });
}
