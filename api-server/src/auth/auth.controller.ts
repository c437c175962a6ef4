import {
  type AuthResponse,
  authResponseSchema,
  type ChangePasswordBody,
  changePasswordBodySchema,
  type GoogleSignInBody,
  googleSignInBodySchema,
  type LoginBody,
  type LogoutBody,
  loginBodySchema,
  logoutBodySchema,
  type MailStatusDto,
  mailStatusDtoSchema,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  type RegisterBody,
  registerBodySchema,
  type UserDto,
  userDtoSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, HttpCode, Ip, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { MailService } from '../mail/mail.service.js';
import { AuthService } from './auth.service.js';
import { RateLimit } from './auth-rate-limit.guard.js';
import { CurrentUser } from './current-user.decorator.js';
import { PasswordService } from './password.service.js';
import { Public } from './public.decorator.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly mail: MailService,
  ) {}

  /**
   * Whether the API sends mail (SMTP_URL set). Public: the forgot-password page asks too. Without
   * mail, no reset link can reach anyone; the panel says to ask the organization's owner.
   */
  @Public()
  @Get('mail-status')
  @ApiZodResponse(mailStatusDtoSchema)
  mailStatus(): MailStatusDto {
    return this.mail.status();
  }

  /** Creates an organization with you as its OWNER. */
  @Public()
  @Post('register')
  @RateLimit('register')
  @ApiZodBody(registerBodySchema)
  @ApiZodResponse(authResponseSchema, 201)
  register(@Body(new ZodPipe(registerBodySchema)) body: RegisterBody): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  /** Too many failures for one email lock its logins for a while (429, Retry-After). */
  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimit('login')
  @ApiZodBody(loginBodySchema)
  @ApiZodResponse(authResponseSchema)
  login(@Body(new ZodPipe(loginBodySchema)) body: LoginBody, @Ip() ip: string): Promise<AuthResponse> {
    return this.auth.login(body, ip);
  }

  /** Signs in (or up) with the ID token of the admin panel's Google sign-in; 404 google_not_configured when off. */
  @Public()
  @Post('google')
  @HttpCode(200)
  @RateLimit('login')
  @ApiZodBody(googleSignInBodySchema)
  @ApiZodResponse(authResponseSchema)
  google(@Body(new ZodPipe(googleSignInBodySchema)) body: GoogleSignInBody): Promise<AuthResponse> {
    return this.auth.signInWithGoogle(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiZodResponse(userDtoSchema)
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }

  /** Signs out this token's session only (other devices stay signed in); its admin sockets are disconnected. */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiZodBody(logoutBodySchema)
  @ApiResponse({ status: 204 })
  logout(@CurrentUser() user: AuthUser, @Body(new ZodPipe(logoutBodySchema)) _body: LogoutBody): Promise<void> {
    return this.auth.logout(user);
  }

  /** Signs out every session of yours, this one included, and disconnects all your admin sockets. */
  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiZodBody(logoutBodySchema)
  @ApiResponse({ status: 204 })
  logoutAll(@CurrentUser() user: AuthUser, @Body(new ZodPipe(logoutBodySchema)) _body: LogoutBody): Promise<void> {
    return this.auth.logoutAll(user);
  }

  /** Changes your password (the current one is required); your other sessions are signed out, this one stays. */
  @Post('password')
  @HttpCode(204)
  @RateLimit('password-change')
  @ApiBearerAuth()
  @ApiZodBody(changePasswordBodySchema)
  @ApiResponse({ status: 204 })
  changePassword(@CurrentUser() user: AuthUser, @Body(new ZodPipe(changePasswordBodySchema)) body: ChangePasswordBody): Promise<void> {
    return this.passwords.change(user, body);
  }

  /** Mails a reset link if an account has this email; the answer (202, no body) is the same either way. */
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @RateLimit('password-reset')
  @ApiZodBody(passwordResetRequestBodySchema)
  @ApiResponse({ status: 202 })
  requestPasswordReset(@Body(new ZodPipe(passwordResetRequestBodySchema)) body: PasswordResetRequestBody): void {
    this.passwords.requestReset(body.email);
  }

  /** Sets a new password with the token from the mailed link; signs out every session. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @RateLimit('password-reset')
  @ApiZodBody(passwordResetConfirmBodySchema)
  @ApiResponse({ status: 204 })
  confirmPasswordReset(@Body(new ZodPipe(passwordResetConfirmBodySchema)) body: PasswordResetConfirmBody): Promise<void> {
    return this.passwords.confirmReset(body);
  }
}
