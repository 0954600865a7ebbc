/** The physical limit for HTTP on this machine: a bare Fastify route returning a constant. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/c', async () => ({ status: 'ok' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
