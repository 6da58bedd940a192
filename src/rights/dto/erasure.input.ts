import { InputType } from '@nestjs/graphql';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

/** The educator (id and the version you read) whose data is to be erased. */
@InputType()
export class EraseEducatorInput extends VersionedRefInput {}
