import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ValidationIssue } from '@chatiq/contracts';

/** The one error type of the API. Its code is stable and part of the contract. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    /** With `payload_too_large`: the largest file the route takes (in the body as `maxBytes`). */
    readonly maxBytes?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues && { issues: this.issues }),
      ...(this.maxBytes !== undefined && { maxBytes: this.maxBytes }),
    };
  }
}
