/** Nest wiring for authentication: JWT signing with the shared secret, token verification (ours and the issuer's), the global guard. */
import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenGuard } from './access-token.guard';
import { AUTH_SETTINGS, AuthSettings } from './auth.config';
import { ExternalIdentities } from './external-identities.service';
import { IssuerTokens } from './issuer-tokens.service';
import { TokenService } from './token.service';

@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register({
          // A key object, made once: given the string, jsonwebtoken tries it as a PEM public key (and fails) and then
          // makes a secret key from it on every verify, 0.35 ms of each request's CPU in the API's profile.
          secret: createSecretKey(Buffer.from(settings.jwtSecret)),
          signOptions: { expiresIn: settings.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        TokenService,
        IssuerTokens,
        ExternalIdentities,
        AccessTokenGuard,
      ],
      exports: [AUTH_SETTINGS, TokenService, IssuerTokens, ExternalIdentities, AccessTokenGuard],
    };
  }
}
