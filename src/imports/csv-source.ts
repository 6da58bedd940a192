import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, CsvError } from 'csv-parse';

/** A whole-file problem: reading stops there and nothing is written. `row` is the row reached (header = 1). */
export class FileProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly row: number | null,
  ) {
    super(message);
  }
}

/** Larger than any real cell and far below the request: a 10 MB field is refused at once instead of buffered. */
export const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Checks the bytes as they pass: no NUL (a binary file), valid UTF-8 (Latin-1 bytes refused, not guessed), and
 * counts lines so a whole-file problem names the row reached. A BOM is dropped by the parser.
 */
class ByteGuard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  bytes = 0;
  newlines = 0;

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (chunk.includes(0))
      return done(
        new FileProblem('BINARY_FILE', 'The file holds binary data (NUL bytes); export it from your system as CSV text', this.newlines + 1),
      );
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      // Name the line: the lenient decoder marks the first bad byte with U+FFFD.
      const text = new TextDecoder('utf-8').decode(chunk);
      const line = this.newlines + 1 + (text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).match(/\n/g)?.length ?? 0);
      return done(
        new FileProblem(
          'INVALID_ENCODING',
          `Line ${line} is not UTF-8 (Latin-1 or Windows-1252 characters such as é were found); save the file as "CSV UTF-8" and upload it again`,
          line,
        ),
      );
    }
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.newlines += 1;
    done(null, chunk);
  }

  _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
    } catch {
      return done(
        new FileProblem(
          'INVALID_ENCODING',
          'The file ends inside a UTF-8 character; save it as "CSV UTF-8" and upload it again',
          this.newlines + 1,
        ),
      );
    }
    done();
  }
}

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: Record<string, string>;
}

export interface CsvReadResult {
  rows: number;
}

/**
 * Streams a CSV file: the header first (to `onHeader`, which may refuse it), then one record at a time, with back
 * pressure, so memory does not grow with the file. Throws FileProblem for whole-file problems.
 */
export async function readCsv(
  input: Readable,
  delimiter: string,
  onHeader: (header: string[]) => string[],
  onRecord: (record: CsvRecord) => Promise<void> | void,
): Promise<CsvReadResult> {
  const guard = new ByteGuard();
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: false,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  input.on('error', (e) => guard.destroy(e));
  guard.on('error', (e) => parser.destroy(e));
  input.pipe(guard).pipe(parser);
  let columns: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!columns) {
        columns = onHeader(record);
        continue;
      }
      const cells: Record<string, string> = {};
      columns.forEach((c, i) => (cells[c] = record[i]));
      await onRecord({ row, cells });
    }
  } catch (e) {
    throw translate(e, row + 1);
  }
  if (!columns) throw new FileProblem('EMPTY_FILE', 'The file is empty; download the template for this kind and fill it in', null);
  if (row === 1) throw new FileProblem('NO_ROWS', 'The file has a header row but no data rows; add at least one row', 2);
  return { rows: row - 1 };
}

function translate(e: unknown, row: number): unknown {
  if (e instanceof FileProblem) return e;
  if (e instanceof CsvError) {
    switch (e.code) {
      case 'CSV_MAX_RECORD_SIZE':
        return new FileProblem(
          'FIELD_TOO_LARGE',
          `Row ${row} is over ${MAX_RECORD_CHARS} characters; a cell is far too long (or a quote is never closed)`,
          row,
        );
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
        return new FileProblem('WRONG_CELL_COUNT', `Row ${row} does not have one cell per column; check its delimiters and quotes`, row);
      case 'CSV_QUOTE_NOT_CLOSED':
        return new FileProblem('UNCLOSED_QUOTE', `A quote opened at row ${row} is never closed; close it or remove it`, row);
      default:
        return new FileProblem('MALFORMED_CSV', `Row ${row} is not valid CSV (${e.code}); check its quotes and delimiters`, row);
    }
  }
  return e;
}

/** Accepts the delimiters spreadsheets and HR systems write. */
export function parseDelimiter(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === ',') return ',';
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', ';': ';', '\t': '\t', '|': '|' };
  return named[value] ?? null;
}
