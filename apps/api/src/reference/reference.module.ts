import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';

@Module({ controllers: [ReferenceController, ClientConfigController], providers: [ReferenceService] })
export class ReferenceModule {}
