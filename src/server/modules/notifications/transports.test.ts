import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { smtpTransport } from './transports.ts';

// A real SMTP conversation on loopback: what nodemailer sends is what a mail server receives.
const received: Array<{ from: string; to: string[]; raw: string }> = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
      });
      callback();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SMTP transport', () => {
  it('delivers the rendered message with the outbox id as Message-ID, Latvian letters intact', async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Civitas <no-reply@civitas.invalid>');
    await transport.send({
      id: '0b6a1c1e-1111-4222-8333-444455556666',
      to: 'anna@example.invalid',
      subject: 'Iesniegums DL-2026-000001 saņemts',
      body: 'Labdien! Lēmumu pieņemsim līdz 2026-12-30.',
    });
    expect(received).toHaveLength(1);
    const mail = received[0] as (typeof received)[number];
    expect(mail).toMatchObject({ from: 'no-reply@civitas.invalid', to: ['anna@example.invalid'] });
    expect(mail.raw).toContain('Message-ID: <0b6a1c1e-1111-4222-8333-444455556666@civitas>');
    // Subject and body travel quoted-printable: ņ is UTF-8 C5 86, ē is C4 93.
    expect(mail.raw).toMatch(/^Subject: .*sa=C5=86emts/im);
    expect(mail.raw).toMatch(/L=C4=93mumu/);
  });

  it('fails loudly when the server refuses, so the outbox retries', async () => {
    const transport = smtpTransport('smtp://127.0.0.1:1', 'Civitas <no-reply@civitas.invalid>');
    await expect(transport.send({ id: 'x', to: 'a@example.invalid', subject: 's', body: 'b' })).rejects.toThrow();
  });
});
