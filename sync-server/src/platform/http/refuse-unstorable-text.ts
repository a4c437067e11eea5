/**
 * PostgreSQL refuses a NUL character and half of a UTF-16 surrogate pair in text; a request
 * carrying one used to reach a query and come back as a 500. This guard refuses it first, with
 * 422 naming the part of the address, the query parameter or the body field that holds it.
 *
 * Cells of a sheet push (tables[i].rows[j].values, tables[i].deletions[j].key) are left to the
 * contract's cell readers (coerce-value.ts), which refuse the same characters per cell, so the
 * sheet sees the error beside the row and column it belongs to, like any other bad cell.
 */
import type { RequestHandler } from 'express';
import { describeUnstorableText } from '../../contract/coerce-value.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError, type FieldProblem } from '../errors/app-error.js';

type Location = { name: string; text: string };

export const refuseUnstorableText: RequestHandler = (request, _response, next) => {
  const found = findInPath(request.path) ?? findInValue(request.query) ?? findInValue(request.body, isSheetCell);
  if (!found) return next();
  const problem: FieldProblem = { column: found.name, message: `${found.name} ${describeUnstorableText(found.text)}` };
  next(
    new AppError({
      code: 'VALIDATION_FAILED',
      reason: 'UNSTORABLE_TEXT',
      userMessage: t('http.unstorableText', { problem: problem.message }),
      problems: [problem],
    }),
  );
};

function findInPath(path: string): Location | undefined {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A broken %-escape: the router answers it with 400.
      continue;
    }
    if (describeUnstorableText(decoded)) return { name: 'path', text: decoded };
  }
  return undefined;
}

/** The values of a pushed row and the key of a pushed deletion: tables.<i>.rows.<j>.values. */
function isSheetCell(path: readonly string[]): boolean {
  return path.length === 5 && path[0] === 'tables' && ((path[2] === 'rows' && path[4] === 'values') || (path[2] === 'deletions' && path[4] === 'key'));
}

type Visit = { value: unknown; key: string; parent: Visit | undefined; depth: number };

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

/** A field as zod names it (tables.0.rows.3.name); a path of thousands of nested arrays, shortened. */
function nameOf(path: readonly string[]): string {
  if (!path.length) return 'body';
  return path.length > 12 ? `${path.slice(0, 6).join('.')}.….${path.slice(-3).join('.')}` : path.join('.');
}

/**
 * Every string of a parsed query or JSON body, walked without recursion and without copying
 * paths: a body of 100,000 nested arrays is valid JSON and must neither overflow the stack nor
 * take quadratic memory.
 */
function findInValue(root: unknown, isSkipped: (path: readonly string[]) => boolean = () => false): Location | undefined {
  const pending: Visit[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (pending.length) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (describeUnstorableText(value)) return { name: nameOf(pathOf(visit)), text: value };
    } else if (value && typeof value === 'object' && !(visit.depth === 5 && isSkipped(pathOf(visit)))) {
      for (const [key, child] of Object.entries(value)) pending.push({ value: child, key, parent: visit, depth: visit.depth + 1 });
    }
  }
  return undefined;
}
