import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';

@Module({
  providers: [AccountsRepository, AccountsService, AccountsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}
