import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from './app-error.js';

/** Validates an `ID` argument as a UUID; a malformed id is the client's error, never a 500. Absent optional ids pass. */
@Injectable()
export class UuidPipeImpl implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    if (value === undefined || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => this.transform(v));
    if (typeof value !== 'string' || !isUUID(value)) throw badInput(`The id "${String(value).slice(0, 40)}" is malformed: ids are UUIDs`);
    return value;
  }
}

export const UuidPipe = new UuidPipeImpl();
