// npm run db:check-drift: exits 1 and prints the missing SQL when prisma/schema.prisma and
// prisma/migrations disagree (then run: npm run db:migration -- <name>).
import { diffMigrationsToSchema } from '../sync-server/src/platform/database/schema-engine.js';

const sql = await diffMigrationsToSchema();
if (sql) {
  console.error('prisma/schema.prisma has changes that no migration holds. Create one with: npm run db:migration -- <name>\n');
  console.error(sql);
  process.exit(1);
}
console.log('prisma/schema.prisma and prisma/migrations agree.');
