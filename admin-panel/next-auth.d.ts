import type { UserDto } from '@chatiq/contracts';
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    accessToken: string;
    operator: UserDto;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    accessToken: string;
    accessTokenExpiresAt: string;
    operator: UserDto;
  }
}
