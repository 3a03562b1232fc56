/**
 * The add-in without Excel: serves the preview page (simulated Excel host,
 * sheet view, real task pane) for one workbook on 127.0.0.1, with Node's http
 * module only.
 *
 *   npm run preview -- --workbook samples/rekap-skm-banjar-2025.xlsx --port 3100 [--rebuild]
 *
 * GET /               the page (dist/preview, built with webpack.preview.js when stale)
 * GET /workbook.json  the workbook model; PUT replaces it (the page sends it after changes)
 * GET /workbook.xlsx  the current model saved as .xlsx
 */
import { promises as fs, statSync, existsSync, readdirSync } from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';
import { loadXlsxFile, saveXlsxBuffer } from '../src/sim/load-xlsx';
import type { WorkbookModel } from '../src/sim/model';
import { readWorkbook } from '../src/xlsx/lean-read';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'preview');
/** What one request may cost: the body of a PUT, and the workbook it may ask to be saved. */
export const MAX_BODY = 64 * 1024 * 1024;
export const MAX_MODEL_CELLS = 2_000_000;
/** exceljs creates every cell of a merged area: their total area is what saving costs. */
export const MAX_MERGED_CELLS = 2_000_000;
const MAX_SHEETS = 255;
const EXCEL_ROWS = 1048576;
const EXCEL_COLS = 16384;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/preview is missing or older than anything in src/ or the webpack config. */
export function previewIsStale(): boolean {
  const bundle = path.join(OUT, 'preview.js');
  // The page loads Microsoft's Office.js client from here too (copied by webpack.preview.js).
  const officeJs = path.join(OUT, 'office-js', 'excel-web-16.00.debug.js');
  if (![bundle, path.join(OUT, 'index.html'), officeJs].every((f) => existsSync(f))) return true;
  const built = statSync(bundle).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'webpack.preview.js')).mtimeMs,
  );
  return sources > built;
}

export async function buildPreview(force = false): Promise<void> {
  if (!force && !previewIsStale()) return;
  // webpack.preview.js is a CommonJS config file, loaded as webpack itself would.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.preview.js')) as webpack.Configuration;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors())
        return reject(
          new Error(
            `webpack.preview.js failed:\n${stats?.toString({ all: false, errors: true, errorDetails: true }) ?? ''}`,
          ),
        );
      resolve();
    });
  });
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The model as last loaded or sent by the page. */
  model(): WorkbookModel;
  close(): Promise<void>;
}

export interface PreviewOptions {
  workbook: string;
  port?: number;
  host?: string;
  build?: boolean;
  rebuild?: boolean;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY)
    throw new HttpError(413, 'request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Why a workbook model sent by a PUT is refused, or null: its shape, and a size the preview can
 * save (cells, merged areas within Excel's limits and under the caps above).
 */
export function modelProblem(model: unknown): string | null {
  const m = model as Partial<WorkbookModel> | null;
  if (!m || typeof m !== 'object' || !Array.isArray(m.sheets)) return 'not a workbook model';
  if (m.sheets.length > MAX_SHEETS) return 'too many sheets';
  let cells = 0;
  let merged = 0;
  for (const sheet of m.sheets) {
    if (!sheet || typeof sheet !== 'object' || typeof sheet.name !== 'string')
      return 'not a workbook model';
    if (!sheet.cells || typeof sheet.cells !== 'object' || !Array.isArray(sheet.merges))
      return 'not a workbook model';
    cells += Object.keys(sheet.cells).length;
    for (const a of sheet.merges) {
      const ok =
        a &&
        [a.top, a.left, a.bottom, a.right].every((x) => Number.isInteger(x) && x >= 1) &&
        a.top <= a.bottom &&
        a.left <= a.right &&
        a.bottom <= EXCEL_ROWS &&
        a.right <= EXCEL_COLS;
      if (!ok) return 'a merged area out of the sheet';
      merged += (a.bottom - a.top + 1) * (a.right - a.left + 1);
      if (merged > MAX_MERGED_CELLS) return 'merged areas too large for the preview';
    }
    if (cells > MAX_MODEL_CELLS) return 'too many cells for the preview';
  }
  return null;
}

/** The addresses the server answers to: its own, by IP or as localhost (no DNS rebinding). */
export function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  hosts.add(host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
  return hosts;
}

/** Whether a request names this server in Host and, when it has one, in Origin. */
export function fromOwnPage(req: http.IncomingMessage, hosts: Set<string>): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((h) => origin.toLowerCase() === `http://${h}`);
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  if (options.build !== false) await buildPreview(options.rebuild);
  const file = path.resolve(options.workbook);
  // The lean reader's caps first: a workbook that would take the machine is refused before exceljs opens it.
  await readWorkbook(await fs.readFile(file));
  let model = await loadXlsxFile(file);
  const baseName = path.basename(options.workbook, path.extname(options.workbook));
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!fromOwnPage(req, hosts)) throw new HttpError(403, 'forbidden: not this server');
      let route: string;
      try {
        route = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      } catch {
        throw new HttpError(400, 'bad request');
      }
      if (route === '/workbook.json' && req.method === 'GET')
        return send(res, 200, JSON.stringify(model), TYPES['.json']);
      if (route === '/workbook.json' && req.method === 'PUT') {
        let next: unknown;
        try {
          next = JSON.parse(await readBody(req));
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw new HttpError(400, 'not JSON');
        }
        const problem = modelProblem(next);
        if (problem) throw new HttpError(problem.includes('too') ? 413 : 400, problem);
        model = next as WorkbookModel;
        return send(res, 204, '', 'text/plain; charset=utf-8');
      }
      if (route === '/workbook.xlsx' && req.method === 'GET') {
        const buf = await saveXlsxBuffer(model);
        return send(
          res,
          200,
          buf,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          {
            'Content-Disposition': `attachment; filename="${baseName}-pratinjau.xlsx"`,
          },
        );
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
      let rel: string;
      try {
        rel = route === '/' ? 'index.html' : decodeURIComponent(route).replace(/^\/+/, '');
      } catch {
        throw new HttpError(400, 'bad request: malformed URI');
      }
      const file = path.resolve(OUT, rel);
      if (!file.startsWith(OUT + path.sep))
        return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      try {
        const data = await fs.readFile(file);
        return send(res, 200, data, TYPES[path.extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      }
    })().catch((e: unknown) => {
      // Never an exception's text: a short status line only.
      const status = e instanceof HttpError ? e.status : 500;
      const text = e instanceof HttpError ? e.message : 'internal error';
      if (!res.headersSent) send(res, status, text, 'text/plain; charset=utf-8');
      else res.end();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3100, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(host, port);
  return {
    url: `http://${host}:${port}/`,
    port,
    model: () => model,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv: string[]): PreviewOptions {
  const opts: PreviewOptions = {
    workbook: path.join(ROOT, 'samples', 'rekap-skm-banjar-2025.xlsx'),
    port: 3100,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workbook') opts.workbook = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--rebuild') opts.rebuild = true;
    else if (a === '--help' || a === '-h') {
      console.log('npm run preview -- --workbook FILE.xlsx [--port 3100] [--rebuild]');
      process.exit(0);
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return opts;
}

if (require.main === module) {
  startPreviewServer(parseArgs(process.argv.slice(2)))
    .then((s) => {
      console.log(`SKM Rekap preview: ${s.url}  (Ctrl+C to stop)`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
