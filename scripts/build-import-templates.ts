// npm run templates:build — regenerates import_templates/booking_center_template.xlsx from the
// table definitions and the sample CSV files (a test fails when the committed file is stale).
import { join } from 'node:path';
import { importTemplatesDir } from '../sync-server/src/platform/project-paths.js';
import { buildTemplateWorkbookContent, writeWorkbook } from '../sync-server/src/modules/imports/template-workbook.js';

const path = join(importTemplatesDir, 'booking_center_template.xlsx');
await writeWorkbook(await buildTemplateWorkbookContent(importTemplatesDir), path);
console.log(`Wrote ${path}`);
