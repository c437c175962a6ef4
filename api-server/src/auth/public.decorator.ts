import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'chatiq:isPublic';

/** Marks a route that needs no access token (login, register, health, public widget endpoints). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
