import type { PrismaClient, Prisma } from '../../generated/prisma/client.js';

/** A Prisma client or an interactive transaction: services accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A table's entity name (TableDefinition.entity): campaign, booking, payment … */
export type AuditEntityType = string;

/** create, update, delete, restore, or the name of the action a person took (transition, duplicate, assign, unassign). */
export type AuditAction = string;

/** Field-level change: { field: { before, after } } with JSON values (dates as YYYY-MM-DD, money as numbers). */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export type AuditEntryInput = {
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  changes: FieldChanges;
  note?: string | null;
};

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  source: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChanges;
  note: string | null;
};
