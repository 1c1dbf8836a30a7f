import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'resettle:isPublic';

/** Marks a route that needs no token (login, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
