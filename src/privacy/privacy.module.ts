import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { PrivacyController } from './privacy.controller';

@Module({ controllers: [PrivacyController], providers: [ErasureService], exports: [ErasureService] })
export class PrivacyModule {}
