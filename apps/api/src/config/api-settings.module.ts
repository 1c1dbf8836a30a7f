import { DynamicModule, Global, Module } from '@nestjs/common';
import { API_SETTINGS, ApiSettings } from './api.config';

/** Makes the validated settings injectable everywhere in the API. */
@Global()
@Module({})
export class ApiSettingsModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    return {
      module: ApiSettingsModule,
      providers: [{ provide: API_SETTINGS, useValue: settings }],
      exports: [API_SETTINGS],
    };
  }
}
