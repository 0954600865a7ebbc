/**
 * What the server's log looks like. A log collector wants pino's own output, one JSON object per line; a
 * person at a terminal wants one short line per event, in the office's local time:
 *
 *   14:05:02 INFO  GET /api/config 200 4 ms
 *   14:05:09 ERROR outbox delivery failed  Error: connect ECONNREFUSED (the stack follows, indented)
 *
 * Each request is one line (when it completes; its start only at debug level), and readiness and liveness
 * probes, metrics scrapes and static files log only warnings and errors (app.ts), so neither format fills up
 * with a load balancer's polling.
 */
import { styleText } from 'node:util';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export type LogFormat = 'pretty' | 'json';

/** `auto` becomes pretty on a terminal and JSON anywhere else (a file, a pipe, a container's log driver). */
export function resolveLogFormat(setting: 'auto' | LogFormat, isTerminal: boolean): LogFormat {
  return setting === 'auto' ? (isTerminal ? 'pretty' : 'json') : setting;
}

/** Where pino writes: anything with a `write` taking one serialized line. */
export interface LogDestination {
  write(line: string): void;
}

const LEVELS: Record<number, { name: string; colour: Parameters<typeof styleText>[0] }> = {
  10: { name: 'TRACE', colour: 'gray' },
  20: { name: 'DEBUG', colour: 'gray' },
  30: { name: 'INFO', colour: 'green' },
  40: { name: 'WARN', colour: 'yellow' },
  50: { name: 'ERROR', colour: 'red' },
  60: { name: 'FATAL', colour: ['red', 'bold'] },
};
/** pino's own fields and those a request line already says in words. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/** One log record (pino's JSON) as a line a person reads; colours only where `colour` says so. */
export function prettyLine(record: LogRecord, options: { timeZone: string; colour: boolean }): string {
  const level = LEVELS[record.level ?? 30] ?? { name: String(record.level), colour: 'white' };
  const time = new Date(record.time ?? Date.now()).toLocaleTimeString('en-GB', {
    timeZone: options.timeZone,
    hourCycle: 'h23',
  });
  const tag = level.name.padEnd(5);
  const head = `${options.colour ? styleText('dim', time) : time} ${options.colour ? styleText(level.colour, tag) : tag}`;
  const request =
    record.req?.method && record.res?.statusCode !== undefined
      ? `${record.req.method} ${record.req.url ?? ''} ${record.res.statusCode} ${Math.round(record.responseTime ?? 0)} ms`
      : undefined;
  const text =
    request && record.msg === 'request completed' ? request : [record.msg, request].filter(Boolean).join(' ');
  const extra = Object.entries(record)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const line = [head, text, ...extra].join(' ');
  const stack =
    record.err?.stack ?? (record.err?.message ? `${record.err.type ?? 'Error'}: ${record.err.message}` : undefined);
  return stack ? `${line}\n${stack.replace(/^/gm, '    ')}` : line;
}

/** A pino destination that writes each record as a readable line to a terminal. */
export function prettyDestination(out: NodeJS.WritableStream & { isTTY?: boolean }, timeZone: string): LogDestination {
  // styleText leaves the words plain where the stream is no terminal or NO_COLOR is set.
  const colour = Boolean(out.isTTY) && styleText('red', 'x', { stream: out as NodeJS.WriteStream }) !== 'x';
  return {
    write(line: string): void {
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        out.write(line);
        return;
      }
      out.write(`${prettyLine(record, { timeZone, colour })}\n`);
    },
  };
}

/**
 * Fastify's request logging, one line per request: the arrival only at debug level, the completion (with
 * method and path, status and time) at info, or at error when the request failed.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
