import { Module } from '@nestjs/common';
import { HiringModule } from '../hiring/hiring.module.js';
import { LeaverSweepService } from './leaver-sweep.service.js';
import { LeaversResolver } from './leavers.resolver.js';
import { LeaversService } from './leavers.service.js';

/**
 * People who leave: recording a leaving date, and the sweep that acts on it on the day. It sits above educators,
 * accounts and hiring because leaving touches all three (the profile, the account, open applications and offers).
 */
@Module({
  imports: [HiringModule],
  providers: [LeaversService, LeaverSweepService, LeaversResolver],
})
export class LeaversModule {}
