/**
 * The write door as REST actions use it: a few change sets applied in one transaction, and a
 * refusal turned into the one application error (403 for a right, 409 for a conflict, 422 for
 * a rule), naming the rule's code for programs and its reason for people.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { AppError, type AppErrorCode } from '../platform/errors/app-error.js';
import type { Actor } from '../modules/access/actor.js';
import type { CampaignsConfig } from '../modules/campaigns/campaigns.config.js';
import type { ChangeSet, RowResult, WriteProblem } from './change-set.js';
import { runInWriteTransaction, type WriteSession } from './write-session.js';

const CODE_BY_KIND: Record<WriteProblem['kind'], AppErrorCode> = { forbidden: 'FORBIDDEN', conflict: 'CONFLICT', invalid: 'VALIDATION_FAILED' };

/** One error for every refusal of an action; a right refused outranks a conflict, which outranks a rule. */
export function toActionError(problems: readonly WriteProblem[], summary?: string): AppError {
  const kind = (['forbidden', 'conflict', 'invalid'] as const).find((candidate) => problems.some((problem) => problem.kind === candidate)) ?? 'invalid';
  const first = problems.find((problem) => problem.kind === kind) ?? problems[0];
  const messages = [...new Set(problems.map((problem) => problem.message))];
  return new AppError({
    code: CODE_BY_KIND[kind],
    reason: first?.code,
    userMessage: [summary, ...messages].filter(Boolean).join(' '),
    // An action has no sheet rows: the problems name table, column and value, and lead with the
    // rule's code, which programs act on (the field errors of the response are plain strings).
    problems: problems.map(({ table, column, value, message, code }) => ({ table, column: column === '_row' ? undefined : column, value, message: `${code}: ${message}` })),
  });
}

/** A REST action's session: its reads use Prisma's models in the same transaction. */
export type ActionSession = WriteSession<Prisma.TransactionClient>;

export type ActionOptions = { config?: CampaignsConfig; summary?: string };

/**
 * Applies the change sets `build` returns, in order, in one transaction; `read` answers from
 * the same transaction once they are written. Throws the action's error on any refusal.
 */
export async function applyActionChanges<T>(
  prisma: PrismaClient,
  actor: Actor,
  build: (session: ActionSession) => Promise<ChangeSet[]> | ChangeSet[],
  read: (session: ActionSession, results: RowResult[][]) => Promise<T>,
  options: ActionOptions = {},
): Promise<{ value: T; results: RowResult[][] }> {
  const { value } = await runInWriteTransaction(
    prisma,
    actor,
    async (session) => {
      const results: RowResult[][] = [];
      for (const changeSet of await build(session)) results.push(await session.apply(changeSet));
      const problems: WriteProblem[] = results.flat().filter((result) => result.outcome === 'error' || result.outcome === 'conflict').flatMap((result) => result.problems);
      for (const deferred of await session.finish()) problems.push(deferred.problem);
      if (problems.length) {
        // A conflict fails nothing by itself (a push writes its other rows); an action is all or nothing.
        session.abandon();
        return { problems, results, value: undefined };
      }
      return { problems, results, value: await read(session, results) };
    },
    { config: options.config, isReplayable: true },
  );
  if (value.problems.length) throw toActionError(value.problems, options.summary);
  return { value: value.value as T, results: value.results };
}
