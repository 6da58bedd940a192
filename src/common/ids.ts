import { ParseUUIDPipe } from '@nestjs/common';
import { badInput } from './app-error.js';

/** Validates an `ID` argument as a UUID; a malformed id is the client's error, never a 500. */
export const UuidPipe = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => badInput('The id is malformed: ids are UUIDs'),
});
