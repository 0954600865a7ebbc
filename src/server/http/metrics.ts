/** Prometheus metrics: process defaults plus request counts and durations per route (time to the answer's send). */
import type { FastifyInstance } from 'fastify';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import { RequestHistogram } from './request-histogram.ts';

export interface Metrics {
  contentType: string;
  /** Every metric in the Prometheus text format. */
  text(): Promise<string>;
}

export function installMetrics(app: FastifyInstance): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'civitas_' });
  const duration = new RequestHistogram(
    'civitas_http_request_duration_seconds',
    'HTTP request duration by route and status',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  const errors = new Counter({
    name: 'civitas_http_errors_total',
    help: 'HTTP answers with status ≥ 500',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  // Observed when the answer is handed to the socket (onSend), from the mark the request hook set on arrival
  // (request-context.ts). An onResponse hook would make Fastify listen for the end of every response, which
  // cost the lightest routes a fifth of their throughput in our measurement (decision 0021).
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      request.method,
      route,
      reply.statusCode,
      request.receivedAt ? (performance.now() - request.receivedAt) / 1000 : 0,
    );
    if (reply.statusCode >= 500) errors.inc({ route });
    done(null, payload);
  });
  return { contentType: registry.contentType, text: async () => `${await registry.metrics()}${duration.exposition()}` };
}
