import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { MailService } from './mail.service.js';

const env = { DATABASE_URL: 'postgresql://u@localhost/db', JWT_SECRET: 'x'.repeat(32) };

describe('MailService', () => {
  afterEach(() => vi.restoreAllMocks());

  it('without SMTP_URL logs the whole mail (link included) instead of sending it', async () => {
    const log = vi.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const mail = new MailService(loadConfig(env));
    expect(mail.delivers).toBe(false);
    expect(mail.linksReachSomeone).toBe(true);
    await mail.send({
      to: 'olha@example.com',
      subject: 'Reset your password',
      text: 'Open https://admin.example/reset-password?token=abc',
    });
    expect(log).toHaveBeenCalledOnce();
    const logged = String(log.mock.calls[0]![0]);
    expect(logged).toContain('SMTP_URL is not set');
    expect(logged).toContain('To: olha@example.com');
    expect(logged).toContain('Subject: Reset your password');
    expect(logged).toContain('https://admin.example/reset-password?token=abc');
    mail.onModuleDestroy();
  });

  it('in production without SMTP_URL logs only a warning with the subject, never the text or its links', async () => {
    const log = vi.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const mail = new MailService(loadConfig({ ...env, NODE_ENV: 'production' }));
    expect(mail.delivers).toBe(false);
    expect(mail.linksReachSomeone).toBe(false);
    expect(mail.status()).toEqual({ configured: false });
    await mail.send({
      to: 'olha@example.com',
      subject: 'Reset your password',
      text: 'Open https://admin.example/reset-password?token=abc',
    });
    expect(log).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    const logged = String(warn.mock.calls[0]![0]);
    expect(logged).toContain('Reset your password');
    expect(logged).not.toContain('token');
    expect(logged).not.toContain('olha@example.com');
    mail.onModuleDestroy();
  });

  it('with SMTP_URL sends, and rejects when the server cannot be reached', async () => {
    const mail = new MailService(loadConfig({ ...env, SMTP_URL: 'smtp://127.0.0.1:9', NODE_ENV: 'production' }));
    expect(mail.delivers).toBe(true);
    expect(mail.linksReachSomeone).toBe(true);
    expect(mail.status()).toEqual({ configured: true });
    await expect(mail.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow();
    mail.onModuleDestroy();
  });

  it('reads its settings from the env, validated', () => {
    const config = loadConfig({
      ...env,
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: 'Acme <help@acme.example>',
      ADMIN_URL: 'https://admin.acme.example//',
    });
    expect(config.mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example:465', from: 'Acme <help@acme.example>' });
    expect(config.adminUrl).toBe('https://admin.acme.example');
    expect(loadConfig(env).mail.smtpUrl).toBeUndefined();
    expect(loadConfig(env).adminUrl).toBe('http://localhost:3001');
    expect(() => loadConfig({ ...env, SMTP_URL: 'http://mail.example' })).toThrow(ConfigError);
  });
});
