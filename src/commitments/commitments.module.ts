import { Module } from '@nestjs/common';
import { CommitmentsResolver } from './commitments.resolver.js';
import { CommitmentsService } from './commitments.service.js';

@Module({ providers: [CommitmentsService, CommitmentsResolver] })
export class CommitmentsModule {}
