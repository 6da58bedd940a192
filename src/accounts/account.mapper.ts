import type { AccountEntity } from '../access/account.entity.js';
import type { Persona } from '../access/persona.js';
import { AccountStatus } from './dto/account.input.js';
import type { IssuedLink } from './accounts.service.js';
import type { AccountModel, SetPasswordLinkModel } from './models/account.model.js';

export function toAccountModel(a: AccountEntity, hasPassword: boolean): AccountModel {
  return {
    id: a.id,
    email: a.email,
    displayName: a.displayName,
    personas: a.personas as Persona[],
    educatorId: a.educatorId,
    status: a.disabledAt ? AccountStatus.DISABLED : AccountStatus.ENABLED,
    disabledAt: a.disabledAt,
    hasPassword,
    createdAt: a.createdAt,
    version: a.version,
  };
}

export const toLinkModel = (link: IssuedLink): SetPasswordLinkModel => ({ url: link.url, token: link.token, expiresAt: link.expiresAt });
