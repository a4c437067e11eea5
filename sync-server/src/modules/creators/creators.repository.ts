/** Reads of one creator and its notes, within what the reader may see (access/campaign-scope.ts). */
import { getTableDefinition } from '../../contract/index.js';
import type { Actor } from '../access/actor.js';
import { visibleRowsSql } from '../access/campaign-scope.js';
import type { Db } from '../audit/audit.types.js';

type Scope = Pick<Actor, 'role' | 'brandIds'>;

/** Placeholders for a statement's parameters, in order. */
function parameters(initial: unknown[] = []) {
  const values = [...initial];
  return { values, add: (value: unknown) => `$${values.push(value)}` };
}

export async function findVisibleCreatorByKey(db: Db, actor: Scope, creatorKey: string): Promise<{ id: string; creator_key: string } | undefined> {
  const params = parameters([creatorKey]);
  const visible = visibleRowsSql(actor, getTableDefinition('creators'), params.add);
  const rows = await db.$queryRawUnsafe<Array<{ id: string; creator_key: string }>>(
    `SELECT t.id::text AS id, t.creator_key FROM creators t WHERE t.creator_key = $1 AND t.deleted_at IS NULL${visible ? ` AND ${visible}` : ''} LIMIT 1`,
    ...params.values,
  );
  return rows[0];
}

export type CreatorNoteRow = {
  title: string;
  note_type: 'call' | 'meeting' | 'complaint' | 'compliment';
  content: string;
  author_username: string | null;
  author_display_name: string | null;
  created_at: string;
};

/** A creator's live notes, newest first. */
export function findCreatorNotes(db: Db, actor: Scope, creatorId: string): Promise<CreatorNoteRow[]> {
  const params = parameters([creatorId]);
  const visible = visibleRowsSql(actor, getTableDefinition('creator_notes'), params.add);
  return db.$queryRawUnsafe<CreatorNoteRow[]>(
    `SELECT t.title, t.note_type::text AS note_type, t.content, u.username AS author_username, u.display_name AS author_display_name,
            to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
     FROM creator_notes t LEFT JOIN users u ON u.id = t.user_id
     WHERE t.creator_id = $1::uuid AND t.deleted_at IS NULL${visible ? ` AND ${visible}` : ''}
     ORDER BY t.created_at DESC, t.id`,
    ...params.values,
  );
}
