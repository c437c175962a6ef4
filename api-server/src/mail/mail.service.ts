import type { MailStatusDto } from '@chatiq/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** `to`: one address, or several (one mail, every address a recipient). */
export type Mail = { to: string | string[]; subject: string; text: string };

/**
 * Sends plain-text mail through the SMTP server of `SMTP_URL`, from `MAIL_FROM`. Without
 * `SMTP_URL`, in development and tests, each mail — links included — is written to the log
 * instead, so a developer can still follow a password reset link. In production (`NODE_ENV=production`)
 * a mail that cannot be sent is never logged: its links carry live tokens (reset, invitation), and
 * logs are read by more people than should hold them. Only its subject is, as a warning.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly production: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    this.production = config.nodeEnv === 'production';
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  /** Whether mails really leave (false: they are logged, or in production dropped). */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /**
   * Whether someone can follow the links of a mail sent now: it leaves by SMTP, or (outside
   * production) its text goes to the developer's log.
   */
  get linksReachSomeone(): boolean {
    return this.transport !== null || !this.production;
  }

  /** What the admin panel shows: whether mail is set up (`GET /auth/mail-status`). */
  status(): MailStatusDto {
    return { configured: this.delivers };
  }

  /** Sends one mail; rejects when the SMTP server refuses it or cannot be reached. */
  async send(mail: Mail): Promise<void> {
    if (!this.transport) {
      if (this.production) {
        this.logger.warn(`SMTP_URL is not set, so a mail was not sent (subject: ${mail.subject})`);
        return;
      }
      this.logger.log(
        `SMTP_URL is not set, so this mail was logged instead of sent:\nTo: ${[mail.to].flat().join(', ')}\nSubject: ${mail.subject}\n\n${mail.text}`,
      );
      return;
    }
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
