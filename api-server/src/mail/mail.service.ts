import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** `to`: one address, or several (one mail, every address a recipient). */
export type Mail = { to: string | string[]; subject: string; text: string };

/**
 * Sends plain-text mail through the SMTP server of `SMTP_URL`, from `MAIL_FROM`. Without
 * `SMTP_URL` (development), each mail — links included — is written to the log instead, so a
 * developer can still follow a password reset link.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  /** Whether mails really leave (false: they are logged). */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /** Sends one mail; rejects when the SMTP server refuses it or cannot be reached. */
  async send(mail: Mail): Promise<void> {
    if (!this.transport) {
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
