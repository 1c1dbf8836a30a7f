import { AuthenticatedUser } from '@app/auth';
import { Actor } from '@app/resettlement';

export function actorOf(user: AuthenticatedUser, requestId: string | null): Actor {
  return { id: user.id, role: user.role, requestId };
}
