/** Who is acting, as every service receives it. The HTTP, sheet, import and CLI layers build it. */
export type Role = 'admin' | 'lead' | 'finance' | 'viewer';
export type ActorSource = 'sheet' | 'api' | 'import' | 'cli' | 'system';

export type Actor = {
  /** The users.id of the person; null for the importer or a system job acting on its own. */
  userId: string | null;
  role: Role;
  /** As a person reads it in the history: an email, "import", "system". */
  label: string;
  source: ActorSource;
};

export const ROLES: readonly Role[] = ['admin', 'lead', 'finance', 'viewer'];

/** The actor of maintenance jobs (recalculations, migrations): admin rights, labelled "system". */
export const SYSTEM_ACTOR: Actor = { userId: null, role: 'admin', label: 'system', source: 'system' };
