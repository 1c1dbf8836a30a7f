import { SetMetadata } from '@nestjs/common';
import { Role } from '@app/domain';

export const ALLOWED_ROLES = 'resettle:allowedRoles';

/** Limits a route to these roles; others get 403. Scope (which women) is checked separately in services. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);
