// npm run templates:build — gives the sample CSV files a UTF-8 BOM (so Excel opens them without
// garbling Vietnamese) and regenerates import_templates/booking_center_template.xlsx from the
// table definitions and those files (a test fails when either is stale).
import { join } from 'node:path';
import { importTemplatesDir } from '../sync-server/src/platform/project-paths.js';
import { addBomToTemplateCsvFiles, buildTemplateWorkbookContent, writeWorkbook } from '../sync-server/src/modules/imports/template-workbook.js';

for (const changed of await addBomToTemplateCsvFiles(importTemplatesDir)) console.log(`Added a UTF-8 BOM to ${changed}`);
const path = join(importTemplatesDir, 'booking_center_template.xlsx');
await writeWorkbook(await buildTemplateWorkbookContent(importTemplatesDir), path);
console.log(`Wrote ${path}`);
