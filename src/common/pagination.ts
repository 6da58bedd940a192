import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './app-error.js';

export const MAX_PAGE_SIZE = 100;

/** Offset cursors, opaque to clients; every list query has a hard cap on page size. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items to return, 1-100 (default 20); more is refused' })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page; omit for the first page. Cursors are opaque: pass them back unchanged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a cursor returned by a previous page' })
  after?: string;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o:(\d{1,9})$/.exec(text);
  if (!m) throw badInput('after is not a cursor this service issued');
  return Number(m[1]);
}

@ObjectType({ description: 'Where a page sits in a list: whether more follows and the cursor to ask for it' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page; ask again with after: endCursor' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page; null when the page is empty' })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

export function toPage<T>(nodes: T[], totalCount: number, offset: number): Page<T> {
  const end = offset + nodes.length;
  return { nodes, totalCount, pageInfo: { hasNextPage: end < totalCount, endCursor: nodes.length ? encodeCursor(end) : null } };
}

/** A GraphQL connection type for one node type: `nodes`, `totalCount`, `pageInfo`. */
export function Connection<T>(node: Type<T>) {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Page<T> {
    @Field(() => [node], { description: "The items on this page, in the list's documented order; at most `first` of them" })
    nodes: T[];

    @Field(() => Int, { description: 'How many items match across all pages, not only this one' })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to fetch them' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}
