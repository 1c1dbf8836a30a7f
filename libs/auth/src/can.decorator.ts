import { SetMetadata } from '@nestjs/common';
import type { Action } from '@app/contracts';

export const CAPABILITY = 'resettle:capability';

/**
 * Names the action a route takes. The access guard refuses (403) a role the capability table never lets take it;
 * the service then asks the table about the object itself, after scope, so an id outside her scope stays a 404.
 */
export const Can = (action: Action): MethodDecorator & ClassDecorator => SetMetadata(CAPABILITY, action);
