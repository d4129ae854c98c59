// The local room server's HTTP side: the dashboard page at `/` and the admin API under `/api/`
// (docs/DEVSERVER.md). Every API call needs the admin token the server printed at start, as
// `Authorization: Bearer <token>` or `?token=<token>`; without it: 401, and nothing changes.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevRoomServer } from './DevRoomServer.js';

type Fault = (server: DevRoomServer, args: string[], query: URLSearchParams) => boolean;

/** POST routes: path segments after /api/ → the fault; a `*` takes one (decoded) segment. */
export const ROUTES: Array<{ pattern: string[]; run: Fault }> = [
  { pattern: ['clients', '*', 'cut'], run: (s, [id]) => s.cut(id) },
  { pattern: ['clients', '*', 'blackhole'], run: (s, [id]) => s.blackhole(id) },
  { pattern: ['clients', '*', 'restore'], run: (s, [id]) => s.restore(id) },
  { pattern: ['clients', '*', 'delay'], run: (s, [id], q) => s.delay(id, Number(q.get('ms'))) },
  { pattern: ['rooms', '*', 'users', '*', 'kick'], run: (s, [room, user]) => s.kick(room, user) },
  { pattern: ['rooms', '*', 'users', '*', 'duplicate-login'], run: (s, [room, user]) => s.duplicateLogin(room, user) },
  { pattern: ['rooms', '*', 'users', '*', 'expire-token'], run: (s, [room, user]) => s.expireToken(room, user) },
  {
    pattern: ['restart'],
    run: (s) => {
      s.restart();
      return true;
    },
  },
];

export function handleAdminRequest(
  server: DevRoomServer,
  req: IncomingMessage,
  res: ServerResponse,
  dashboardHtml: string,
): void {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return reply(res, 400, { error: 'bad URL' });
  }
  // Bodies are never read: every argument travels in the path or the query.
  req.resume();
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(dashboardHtml);
    return;
  }
  if (!url.pathname.startsWith('/api/')) return reply(res, 404, { error: 'not found' });
  if (!authorized(req, url, server.adminToken)) return reply(res, 401, { error: 'the admin token is required' });
  const segments = url.pathname.slice('/api/'.length).split('/');
  if (req.method === 'GET' && segments.length === 1 && segments[0] === 'state') {
    const since = Number(url.searchParams.get('since') ?? '0');
    return reply(res, 200, server.state(Number.isInteger(since) && since >= 0 ? since : 0));
  }
  if (req.method !== 'POST') return reply(res, 405, { error: 'use POST for faults, GET for /api/state' });
  let args: string[];
  try {
    args = segments.map(decodeURIComponent);
  } catch {
    return reply(res, 400, { error: 'bad path' });
  }
  for (const route of ROUTES) {
    if (route.pattern.length !== args.length) continue;
    if (!route.pattern.every((p, i) => p === '*' || p === args[i])) continue;
    const captured = args.filter((_, i) => route.pattern[i] === '*');
    const done = route.run(server, captured, url.searchParams);
    return reply(res, done ? 200 : 404, done ? { ok: true } : { error: 'no such client, room or user (or a bad value)' });
  }
  reply(res, 404, { error: 'no such API' });
}

function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : (url.searchParams.get('token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
