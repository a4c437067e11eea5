import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { importReportSchema } from '../../contract/sync-payloads.js';
import type { Database } from '../../platform/database/open-database.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { parseByteSize } from '../../platform/http/byte-size.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { enterActorTenant, getActor } from '../auth/authenticate.js';
import { loadCampaignsConfig } from '../campaigns/campaigns.config.js';
import { importUploadedFile } from './import-upload.service.js';

const formFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value))
  .default(false)
  // The form sends text: the description's default is the text, not the boolean it becomes.
  .meta({ default: 'false' });

export const importUploadFormSchema = z.object({
  dryRun: formFlag.describe('Check every row and report; write nothing.'),
  createMissing: formFlag.describe('Create placeholder rows for references that do not exist yet.'),
  table: z.string().trim().min(1).max(100).optional().describe('Import into this table whatever the file name says.'),
});

const uploadBodySchema = importUploadFormSchema.extend({
  // format binary: /docs offers a file picker, and generated clients take a Blob or a Buffer.
  file: z.string().meta({ format: 'binary', description: 'One CSV named after its table (creators.csv), or an XLSX with one tab per table.' }),
});

/** multer's own errors, as the API's: too large → 413, anything else about the form → 400. */
function uploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof multer.MulterError) {
    const isTooLarge = error.code === 'LIMIT_FILE_SIZE';
    return new AppError({
      code: isTooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
      userMessage: isTooLarge ? t('upload.tooLarge', { size: Math.round(maxBytes / 1024) }) : t('upload.badForm', { error: error.message }),
      cause: error,
    });
  }
  // Anything else is busboy refusing the form itself ("Malformed part header" for a file name with a NUL): bad input as well.
  return new AppError({ code: 'BAD_REQUEST', userMessage: t('upload.malformedForm'), problems: [{ column: 'file', message: t('upload.malformedFormShort') }], cause: error });
}

function receiveOneFile(maxBytes: number): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 10 } }).single('file');
  return (request, response, next) => {
    upload(request, response, (error: unknown) => {
      // multer calls back from the form parser's events, outside the request's context: enter it
      // again first, so that the request goes on (or is refused) in its tenant and language.
      enterActorTenant(response, () => (error ? next(uploadError(error, maxBytes)) : next()));
    });
  };
}

/** POST /imports: the CLI import behind HTTP (multipart), answering the same report. */
export function createImportsRouter(database: Database, documentation: ApiDocumentation, bodyLimit: string): Router {
  documentation.register({
    method: 'post',
    path: '/api/v1/imports',
    operationId: 'importFile',
    summary: 'Import a CSV or XLSX file',
    description: 'Imports an uploaded CSV or XLSX with the import engine (dry run or for real). Row problems come back in the report (200, isCommitted false); an unreadable file or unknown table is 422.',
    tags: ['Imports'],
    request: { body: { content: { 'multipart/form-data': { schema: uploadBodySchema } } } },
    responses: {
      200: { description: 'The import report, one entry per table imported', content: { 'application/json': { schema: importReportSchema } } },
      413: errorResponse('The file is larger than BODY_LIMIT.'),
    },
  });
  const router = Router();
  const campaignsConfig = loadCampaignsConfig();
  router.post('/imports', receiveOneFile(parseByteSize(bodyLimit)), async (request, response) => {
    const form = importUploadFormSchema.parse(request.body ?? {});
    if (!request.file) throw new AppError({ code: 'VALIDATION_FAILED', userMessage: t('upload.attachFile'), problems: [{ column: 'file', message: t('upload.required') }] });
    const report = await importUploadedFile(
      database.prisma,
      getActor(response),
      { originalName: request.file.originalname, content: request.file.buffer },
      { isDryRun: form.dryRun, shouldCreateMissing: form.createMissing, table: form.table, config: campaignsConfig, bulkTransaction: database.bulkTransaction },
    );
    response.json(report);
  });
  return router;
}
