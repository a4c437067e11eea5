import type { Language } from '../../contract/i18n/languages.js';

/** Who is acting, as every service receives it. The HTTP, sheet, import and CLI layers build it. */
export type Role = 'admin' | 'lead' | 'finance' | 'viewer' | 'client' | 'station_rep';
export type ActorSource = 'sheet' | 'api' | 'import' | 'cli' | 'system';

export type Actor = {
  /** The users.id of the person; null for the importer or a system job acting on its own. */
  userId: string | null;
  role: Role;
  /** As a person reads it in the history: an email, "import", "system". */
  label: string;
  source: ActorSource;
  /**
   * The tenant the person belongs to: the write door and the reads of their request run in it
   * (platform/database/tenant-scope.ts). Absent for an actor made up by a command or a test,
   * which then act in the tenant their database handle was opened for.
   */
  tenantId?: string;
  /**
   * A client's brands (user_brands), resolved at sign-in (access/client-access.ts): they read only
   * these brands' campaigns and what hangs off them (access/campaign-scope.ts). Only a client's
   * reads look at it; a client without it sees no campaign at all.
   */
  brandIds?: readonly string[];
  /**
   * A client's view of money: the tenant setting `clientsSeeMoney`, resolved at sign-in with the
   * brands. Absent or false: budgets, fees and amounts are hidden from them like from a viewer.
   */
  canSeeMoney?: boolean;
  /**
   * The language the person chose in the sidebar, else their tenant's: what the server answers
   * in when the request's Accept-Language names none of ours (platform/i18n/request-language.ts).
   */
  language?: Language;
};

export const ROLES: readonly Role[] = ['admin', 'lead', 'finance', 'viewer', 'client', 'station_rep'];

/** The actor of maintenance jobs (recalculations, migrations): admin rights, labelled "system". */
export const SYSTEM_ACTOR: Actor = { userId: null, role: 'admin', label: 'system', source: 'system' };
