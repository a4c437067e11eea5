/**
 * /openapi.json as a client author meets it: lint-clean, every operation named, shared schemas
 * under components, the upload a file, and a client generated with openapi-typescript that
 * type-checks. The app is built in process without a database (describing the API reads none)
 * and asked for /openapi.json, so this is the document the server serves.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import request from 'supertest';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../sync-server/src/app.js';
import { readServerConfig } from '../../sync-server/src/config.js';
import type { Database } from '../../sync-server/src/platform/database/open-database.js';
import { ApiDocumentation } from '../../sync-server/src/platform/http/openapi.js';
import { openSharedStore, type SharedStore } from '../../sync-server/src/platform/http/shared-store.js';
import { projectRoot } from '../../sync-server/src/platform/project-paths.js';

type Operation = { operationId?: string; summary?: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = OpenAPI3 & { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const methods = ['get', 'post', 'put', 'patch', 'delete'];

let sharedStore: SharedStore;
let app: Express;
let document: Document;
let workDir: string;

beforeAll(async () => {
  sharedStore = await openSharedStore(null);
  // No request reaches a handler here, so no database is opened: the routes only describe themselves.
  app = createApp({ database: {} as Database, sharedStore, config: readServerConfig({}) });
  const response = await request(app).get('/openapi.json').expect(200);
  document = response.body as Document;
  workDir = await mkdtemp(path.join(tmpdir(), 'booking-center-openapi-'));
});

afterAll(async () => {
  await sharedStore?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function listOperations(): Array<{ where: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ where: `${method.toUpperCase()} ${route}`, operation })),
  );
}

/** Every value in the document, depth first, with its JSON pointer. */
function* walk(value: unknown, pointer = '#'): Generator<[string, unknown]> {
  yield [pointer, value];
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) yield* walk(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
}

describe('the API description at /openapi.json', () => {
  it('passes redocly lint with no error and no warning', async () => {
    const file = path.join(workDir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const cli = path.join(projectRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    // Exit code 1 when something is found: the JSON report is on stdout either way.
    const output = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json'], {
      cwd: projectRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 20 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const report = JSON.parse(output.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }> };
    const problems = report.problems.map((problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names every route the server answers with a unique camelCase operationId and a summary', () => {
    type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
    const listRoutes = (stack: Layer[]): string[] =>
      stack.flatMap((layer) => {
        if (layer.route) return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path}`);
        return layer.handle?.stack ? listRoutes(layer.handle.stack) : [];
      });
    const notApi = new Set(['GET /healthz', 'GET /openapi.json', 'GET /docs', 'GET /docs/init.js']);
    const served = new Set(listRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack).filter((route) => !notApi.has(route)));
    const operationIds = new Map(listOperations().map(({ where, operation }) => [where.replace(' /api/v1', ' ').replace(/\{(\w+)\}/g, ':$1'), operation.operationId]));
    // Both ways: a route left out of the description, or a description of a route that is gone, fails.
    expect([...served].sort()).toEqual([...operationIds.keys()].sort());

    for (const { where, operation } of listOperations()) {
      expect(operation.operationId, where).toMatch(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
      expect(operation.summary?.length, `${where} summary`).toBeGreaterThan(0);
    }
    const ids = [...operationIds.values()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIds.get('GET /campaigns')).toBe('listCampaigns');
    expect(operationIds.get('POST /sync/push')).toBe('pushSheetRows');
    expect(operationIds.get('POST /imports')).toBe('importFile');
  });

  it('keeps the schemas shared across routes under components and refers to them', () => {
    const schemas = document.components.schemas;
    for (const name of ['ErrorResponse', 'CellRecord', 'CellValue', 'CampaignStatus', 'CampaignDetail', 'CampaignListResponse', 'PushRequest', 'PushRowResult', 'PullResponse', 'ImportReport', 'ImportProblem']) {
      expect(schemas[name], name).toBeDefined();
    }
    // Every refusal, in every operation, is the one ErrorResponse.
    for (const { where, operation } of listOperations()) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => status >= '400')) {
        expect(response.content?.['application/json']?.schema, `${where} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      }
    }
    // A component written out again somewhere would drift from it: none is.
    const copies = Object.entries(schemas).flatMap(([name, schema]) => {
      const text = JSON.stringify(schema);
      return [...walk(document.paths, '#/paths'), ...walk(schemas, '#/components/schemas')]
        .filter(([pointer, value]) => pointer !== `#/components/schemas/${name}` && value && typeof value === 'object' && JSON.stringify(value) === text)
        .map(([pointer]) => `${name} copied at ${pointer}`);
    });
    expect(copies).toEqual([]);
  });

  it('describes the upload as a file, so "Try it out" in /docs offers a file picker', () => {
    const upload = document.paths['/api/v1/imports']?.['post'] as unknown as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } };
    const form = upload.requestBody.content['multipart/form-data']?.schema;
    expect(form?.properties['file']).toMatchObject({ type: 'string', format: 'binary' });
    expect(form?.required).toContain('file');
    // The form sends text: its flags' defaults are text too.
    expect(form?.properties['dryRun']).toMatchObject({ type: 'string', default: 'false' });
  });

  it('gives a client generated with openapi-typescript types that a small client type-checks against', async () => {
    const generated = astToString(await openapiTS(document));
    await writeFile(path.join(workDir, 'booking-center-api.ts'), generated);
    const clientFile = path.join(workDir, 'client.ts');
    await writeFile(clientFile, clientSample);
    const program = ts.createProgram([clientFile], {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      // The standard library is not what is under test; the generated types and the client are.
      skipLibCheck: true,
      noEmit: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      return `${path.basename(diagnostic.file?.fileName ?? '')}:${where ? where.line + 1 : '?'} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics, diagnostics.join('\n')).toEqual([]);
  });
});

describe('registering a route in the API description', () => {
  const route = { method: 'get' as const, path: '/api/v1/things', summary: 'List things', responses: { 200: { description: 'Things' } } };

  it('refuses a route without a camelCase operationId, or with one already used, when the server starts', () => {
    const documentation = new ApiDocumentation();
    expect(() => documentation.register({ ...route, operationId: '' })).toThrow(/operationId "" must be camelCase/);
    expect(() => documentation.register({ ...route, operationId: 'list_things' })).toThrow(/must be camelCase/);
    documentation.register({ ...route, operationId: 'listThings' });
    expect(() => documentation.register({ ...route, path: '/api/v1/other-things', operationId: 'listThings' })).toThrow(/already used by GET \/api\/v1\/things/);
    expect(() => documentation.register({ ...route, operationId: 'listOtherThings', summary: ' ' })).toThrow(/summary/);
  });
});

/**
 * A client as a script author writes one over the generated types: a few operations with typed
 * parameters, bodies and answers. The @ts-expect-error lines prove the types say something:
 * were an answer `any` or a parameter unchecked, they would be errors themselves.
 */
const clientSample = `
import type { components, operations } from './booking-center-api';

type Schemas = components['schemas'];
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Answer<Id extends keyof operations> = operations[Id]['responses'] extends { 200: infer Ok } ? JsonOf<Ok> : never;
type Params<Id extends keyof operations> = operations[Id]['parameters'];

export function createClient(baseUrl: string, token: string) {
  async function send<T>(method: string, route: string, query: object = {}, body?: unknown): Promise<T> {
    const url = new URL(route, baseUrl);
    for (const [name, value] of Object.entries(query)) {
      for (const item of [value].flat()) if (item !== undefined) url.searchParams.append(name, String(item));
    }
    const headers: Record<string, string> = { authorization: 'Bearer ' + token };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      const refusal = (await response.json()) as Schemas['ErrorResponse'];
      throw new Error(refusal.code + ': ' + refusal.detail + ' ' + JSON.stringify(refusal.errors));
    }
    return (await response.json()) as T;
  }
  return {
    listCampaigns: (query: Params<'listCampaigns'>['query'] = {}) => send<Answer<'listCampaigns'>>('GET', '/api/v1/campaigns', query),
    getCampaign: ({ code }: Params<'getCampaign'>['path']) => send<Answer<'getCampaign'>>('GET', '/api/v1/campaigns/' + encodeURIComponent(code)),
    pushSheetRows: (push: Schemas['PushRequest']) => send<Answer<'pushSheetRows'>>('POST', '/api/v1/sync/push', {}, push),
    importFile: async (file: Blob, fileName: string): Promise<Answer<'importFile'>> => {
      const form = new FormData();
      form.append('file', file, fileName);
      form.append('dryRun', 'true');
      const response = await fetch(new URL('/api/v1/imports', baseUrl), { method: 'POST', headers: { authorization: 'Bearer ' + token }, body: form });
      return (await response.json()) as Answer<'importFile'>;
    },
  };
}

export async function planTheWeek(client: ReturnType<typeof createClient>): Promise<string[]> {
  const page = await client.listCampaigns({ statuses: ['running', 'paused'], sort: 'start_date', limit: 20 });
  const planned: number | null | undefined = page.items[0]?.budgetPlanned;
  const nextCursor: string | null = page.nextCursor;
  const detail = await client.getCampaign({ code: page.items[0]?.code ?? 'CC-TET-2026' });
  const status: Schemas['CampaignStatus'] = detail.status;
  const pushed = await client.pushSheetRows({
    idempotencyKey: 'plan-the-week-0001',
    tables: [{ table: 'campaigns', rows: [{ rowNumber: 2, rowVersion: null, values: { code: detail.code, budget_planned: 150000000, note: null, is_active: true } }] }],
  });
  const rowStatus: Schemas['RowStatus'] | undefined = pushed.tables[0]?.results[0]?.status;
  const report = await client.importFile(new Blob(['code,name\\n']), 'brands.csv');
  const problems: Array<{ row: number | null; column: string | null; message: string }> = report.files.flatMap((file) => file.problems);

  // @ts-expect-error "archived" is not a campaign status
  await client.listCampaigns({ statuses: ['archived'] });
  // @ts-expect-error a pushed row needs its row number
  await client.pushSheetRows({ idempotencyKey: 'plan-the-week-0002', tables: [{ table: 'campaigns', rows: [{ rowVersion: null, values: {} }] }] });
  // @ts-expect-error the campaign detail has no such field
  void detail.budgetPlannedTypo;

  return [String(planned), String(nextCursor), status, String(rowStatus), ...problems.map((problem) => problem.message)];
}
`;
