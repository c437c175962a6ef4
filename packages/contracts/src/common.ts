import { z } from 'zod';
import type { ErrorCode, ValidationIssue } from './errors.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

export const idSchema = z.string().min(1).max(64);

/** The largest sequence number (a PostgreSQL integer): larger inputs are refused, never sent to the database. */
export const MAX_SEQ = 2_147_483_647;

/** A client-generated message id, used to store each message exactly once. */
export const clientMessageIdSchema = z.string().min(8).max(64);

export const messageTextSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Message is empty').max(MAX_MESSAGE_LENGTH, `Message is longer than ${MAX_MESSAGE_LENGTH} characters`));

export const isoDateSchema = z.string();

/** Acknowledgement of every client → server socket event. */
export type AckOk<T> = { ok: true; data: T };
export type AckError = { ok: false; code: ErrorCode; message: string; issues?: ValidationIssue[] };
export type Ack<T> = AckOk<T> | AckError;
export type AckCallback<T> = (ack: Ack<T>) => void;
