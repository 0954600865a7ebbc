import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { createManualClock } from '../platform/clock.ts';
import { cheapHasher } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { prettyLine, resolveLogFormat } from './log-format.ts';

const AT = Date.parse('2026-11-30T12:05:02Z');
const riga = { timeZone: 'Europe/Riga', colour: false };

describe('readable log lines', () => {
  it('says a request in one line: local time, level, method, path, status, time taken', () => {
    const line = prettyLine(
      {
        level: 30,
        time: AT,
        pid: 1,
        hostname: 'h',
        reqId: 'r',
        req: { method: 'GET', url: '/api/config' },
        res: { statusCode: 200 },
        responseTime: 4.4,
        msg: 'request completed',
      },
      riga,
    );
    expect(line).toBe('14:05:02 INFO  GET /api/config 200 4 ms');
  });

  it('adds other fields as key=value and an error’s stack indented below', () => {
    const line = prettyLine(
      {
        level: 50,
        time: AT,
        msg: 'outbox delivery failed',
        attempt: 3,
        err: { type: 'Error', message: 'refused', stack: 'Error: refused\n    at connect (net.js:1:1)' },
      },
      riga,
    );
    expect(line).toBe(
      '14:05:02 ERROR outbox delivery failed attempt=3\n    Error: refused\n        at connect (net.js:1:1)',
    );
  });

  it('is pretty on a terminal and JSON elsewhere unless LOG_FORMAT says which', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('request logging', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = parseConfig({
      DATA_DIR: database.dataDir || '/tmp/civitas-unused',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'info',
    });
    app = await buildApp({
      config,
      db: database.db,
      clock: createManualClock('2026-11-30T08:00:00.000Z'),
      hasher: cheapHasher,
      logDestination: { write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs a request once, when it completes, with method, masked path and status', async () => {
    lines.length = 0;
    await app.inject('/api/register/persons/161175-19997');
    expect(lines.map((l) => l['msg'])).toEqual(['request completed']);
    expect(lines[0]).toMatchObject({
      level: 30,
      req: { method: 'GET', url: '/api/register/persons/***********' },
      res: { statusCode: 401 },
    });
  });

  it('does not log readiness and liveness probes or metrics scrapes at info', async () => {
    lines.length = 0;
    for (const url of ['/health/ready', '/health/live', '/metrics'])
      expect((await app.inject(url)).statusCode).toBe(200);
    expect(lines).toEqual([]);
  });
});
