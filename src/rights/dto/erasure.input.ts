import { InputType } from '@nestjs/graphql';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

/** The educator (id and the version you read) whose data is to be erased. */
@InputType({ description: 'The educator (id and the version you read) whose personal data is to be erased' })
export class EraseEducatorInput extends VersionedRefInput {}
