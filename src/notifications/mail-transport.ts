import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The outbox row id: the Message-ID is derived from it, so a re-sent message is recognisably the same one. */
  id: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer, configured by one URL (smtp:// or smtps://, credentials inside it). */
export function smtpTransport(url: string, from: string, timeoutMs: number): MailTransport {
  // Bounded: a hanging mail server must not hold the worker's transaction open.
  const transporter: Transporter = nodemailer.createTransport(
    { url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as Parameters<
      typeof nodemailer.createTransport
    >[0],
    { from },
  );
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'pathways.local';
  return {
    async send(mail) {
      await transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@${domain}>` });
    },
    close: () => transporter.close(),
  };
}
