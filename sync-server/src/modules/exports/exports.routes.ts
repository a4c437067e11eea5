import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../platform/database/open-database.js';
import { errorResponse, type ApiDocumentation } from '../../platform/http/openapi.js';
import { getActor } from '../auth/authenticate.js';
import { loadCampaignsConfig } from '../campaigns/campaigns.config.js';
import { campaignCodeParamsSchema, campaignFiltersQuerySchema, fileFormatQuerySchema } from '../campaigns/campaigns.http-schemas.js';
import { exportCampaignDetailFile, exportCampaignListFile, exportTableFile, type ExportFile } from './export-files.service.js';

const tableParamsSchema = z.object({ table: z.string().min(1).max(100).describe('A template table, e.g. creators or campaigns.') });

const fileResponses = {
  200: {
    description: 'The file, as an attachment (UTF-8 CSV with BOM, or XLSX)',
    content: {
      'text/csv': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) },
    },
  },
  404: errorResponse('No such campaign or table.'),
};

/** Sends the file as an attachment and removes it afterwards, whether or not the download finished. */
function sendExport(response: Response, file: ExportFile): Promise<void> {
  return new Promise((resolve) => {
    response.setHeader('X-Export-Rows', String(file.rows));
    response.download(file.path, file.fileName, { headers: { 'Content-Type': file.contentType } }, () => {
      void file.dispose().finally(resolve);
    });
  });
}

/** Downloads in the import template format (000 §4.7); mounted before the campaign routes so /campaigns/export is not read as a code. */
export function createExportsRouter(database: Database, documentation: ApiDocumentation): Router {
  documentation.register({
    method: 'get',
    path: '/api/v1/campaigns/export',
    operationId: 'exportCampaignList',
    summary: 'Export the campaign list',
    description: 'The campaign list with the list filters and sort, as CSV or XLSX in the campaigns template format (admin, lead, finance).',
    tags: ['Exports'],
    request: { query: campaignFiltersQuerySchema.extend(fileFormatQuerySchema.shape) },
    responses: fileResponses,
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/campaigns/{code}/export',
    operationId: 'exportCampaignDetail',
    summary: 'Export one campaign',
    description: 'The campaign detail summary: the campaign, its products by priority and its creators (CSV in three blocks, or XLSX in three tabs).',
    tags: ['Exports'],
    request: { params: campaignCodeParamsSchema, query: fileFormatQuerySchema },
    responses: fileResponses,
  });
  documentation.register({
    method: 'get',
    path: '/api/v1/exports/{table}',
    operationId: 'exportTable',
    summary: 'Export a template table',
    description: 'Every live row of one template table, as CSV or XLSX; the file imports back unchanged.',
    tags: ['Exports'],
    request: { params: tableParamsSchema, query: fileFormatQuerySchema },
    responses: fileResponses,
  });
  const options = { config: loadCampaignsConfig() };
  const prisma = database.prisma;
  const router = Router();
  router.get('/campaigns/export', async (request, response) => {
    const { format, ...filters } = campaignFiltersQuerySchema.extend(fileFormatQuerySchema.shape).parse(request.query);
    await sendExport(response, await exportCampaignListFile(prisma, getActor(response), filters, format, options));
  });
  router.get('/campaigns/:code/export', async (request, response) => {
    const { code } = campaignCodeParamsSchema.parse(request.params);
    const { format } = fileFormatQuerySchema.parse(request.query);
    await sendExport(response, await exportCampaignDetailFile(prisma, getActor(response), code, format));
  });
  router.get('/exports/:table', async (request, response) => {
    const { table } = tableParamsSchema.parse(request.params);
    const { format } = fileFormatQuerySchema.parse(request.query);
    await sendExport(response, await exportTableFile(prisma, getActor(response), table, format));
  });
  return router;
}
