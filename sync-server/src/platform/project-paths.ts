import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so that scripts work from any working directory. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const prismaSchemaPath = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');
export const importTemplatesDir = join(projectRoot, 'import_templates');
