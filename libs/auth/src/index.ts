/** @app/auth: token issue/verify, passwords, the access guard, the @Can decorator and the current-user decorator. */
export * from './auth.config';
export * from './oidc.config';
export * from './claim-mapping';
export * from './caseloads';
export * from './authenticated-user';
export * from './passwords';
export * from './token.service';
export * from './issuer-tokens.service';
export * from './external-identities.service';
export * from './public.decorator';
export * from './can.decorator';
export * from './current-user.decorator';
export * from './access-token.guard';
export * from './auth.module';
