import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { API_SETTINGS, ApiSettings } from '../config/api.config';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';

/** What the web app needs to know before anyone signs in: where the live board's gateway is, how to sign in. */
export interface ClientConfig {
  /** Null: port 3001 of the host that served the page. */
  gatewayUrl: string | null;
  signIn: {
    /** Username and password (LOCAL_SIGN_IN). */
    local: boolean;
    /** The organisation's identity provider (OIDC_ISSUER): the page links to GET /auth/oidc/login. */
    organisation: boolean;
  };
}

@ApiTags('web')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {}

  @Get()
  @ExposesNoCaseData()
  @Public()
  get(): ClientConfig {
    return {
      gatewayUrl: this.settings.publicGatewayUrl,
      signIn: { local: this.settings.auth.localSignIn, organisation: this.settings.auth.oidc !== null },
    };
  }
}
