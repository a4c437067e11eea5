import type { PrismaClient, Prisma } from '../../generated/prisma/client.js';

/** A Prisma client or an interactive transaction: services accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

export type AuditEntityType = 'campaign' | 'campaign_creator' | 'campaign_product';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'transition' | 'duplicate' | 'assign' | 'unassign';

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
