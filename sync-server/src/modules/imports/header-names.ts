/**
 * Header names as people type them: any case, spaces or hyphens for underscores, a stray BOM.
 * Kept apart from the import engine so that planning a folder (import-plan.ts) reads names the
 * same way without loading the write door.
 */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}
