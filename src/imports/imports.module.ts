import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ExportsService } from './exports.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Bulk CSV import (previewed jobs, committed in one transaction) and export of the district's roster. */
@Module({
  imports: [AccountsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ExportsService],
})
export class ImportsModule {}
