import {
  type AuthResponse,
  authResponseSchema,
  type LoginBody,
  loginBodySchema,
  type RegisterBody,
  registerBodySchema,
  type UserDto,
  userDtoSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Creates an organization with you as its OWNER. */
  @Public()
  @Post('register')
  @ApiZodBody(registerBodySchema)
  @ApiZodResponse(authResponseSchema, 201)
  register(@Body(new ZodPipe(registerBodySchema)) body: RegisterBody): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginBodySchema)
  @ApiZodResponse(authResponseSchema)
  login(@Body(new ZodPipe(loginBodySchema)) body: LoginBody): Promise<AuthResponse> {
    return this.auth.login(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiZodResponse(userDtoSchema)
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }
}
