/**
 * How messages leave: e-mail over SMTP (nodemailer) or, without an SMTP server (demo), into the built-in
 * mailbox, which is simply the outbox's sent rows shown on a page. SMS goes through an adapter; the only
 * one shipped records the message (no gateway is contracted yet).
 */
import nodemailer from 'nodemailer';

export interface RenderedMessage {
  /** The outbox row's id: also the e-mail's Message-ID, so a receiver can drop a repeat after a crash. */
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface Transport {
  /** What the administrators' page calls it. */
  name: string;
  send(message: RenderedMessage): Promise<void>;
}

export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: `<${m.id}@civitas>` });
    },
  };
}

/** Demo: delivery succeeds at once; the mailbox page shows the sent rows. */
export const mailboxTransport: Transport = { name: 'mailbox', async send() {} };

/** The SMS adapter interface's recording implementation: the text is kept on the outbox row. */
export const recordingSmsTransport: Transport = { name: 'sms-record', async send() {} };
