import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

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

/** What a cell holds where the file had bytes that are not UTF-8 (the decoder's replacement character). */
export const NOT_UTF8 = '\uFFFD';

/**
 * Checks the bytes as they pass: no NUL (a binary file), and names the files HR most often uploads by mistake (an
 * Excel workbook, Excel's UTF-16 "Unicode Text"). Bytes that are not UTF-8 (Latin-1 é from "CSV (Comma delimited)")
 * reach the cells as U+FFFD and are refused row by row, so one preview names every row to fix. Counts lines so a
 * whole-file problem names the row reached. A UTF-8 BOM is dropped by the parser.
 */
class ByteGuard extends Transform {
  bytes = 0;
  newlines = 0;
  /** The header line's bytes, kept so a parse error before the header was handed on can still be put down to the header. */
  firstLine: Buffer | null = null;

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.bytes === 0) {
      const problem = startProblem(chunk);
      if (problem) return done(problem);
    }
    this.bytes += chunk.length;
    if (chunk.includes(0))
      return done(
        new FileProblem('BINARY_FILE', 'The file holds binary data (NUL bytes); export it from your system as CSV text', this.newlines + 1),
      );
    if (this.firstLine === null)
      this.firstLine = chunk.subarray(0, Math.min(MAX_RECORD_CHARS, chunk.indexOf(10) === -1 ? chunk.length : chunk.indexOf(10)));
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.newlines += 1;
    done(null, chunk);
  }
}

function startProblem(chunk: Buffer): FileProblem | null {
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    return new FileProblem(
      'INVALID_ENCODING',
      'The file is UTF-16 (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" and upload it again',
      1,
    );
  if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04)
    return new FileProblem(
      'BINARY_FILE',
      'The file is a workbook (.xlsx or another zip), not CSV; in Excel use File > Save As > "CSV UTF-8 (Comma delimited)"',
      1,
    );
  return null;
}

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: Record<string, string>;
  /** Set when the record has more or fewer cells than the header: its cells are then not read. */
  cellCount?: number;
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
    relax_column_count: true,
    // Empty lines, and rows of empty cells (",,,,": what Excel leaves below a table), are skipped below but still
    // counted, so a row number is the one the spreadsheet shows.
    skip_empty_lines: false,
    // Spaces around a delimiter are not part of the value (`E001, "Chen, Ari"` is two cells, not a broken quote).
    trim: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  input.on('error', (e) => guard.destroy(e));
  guard.on('error', (e) => parser.destroy(e));
  input.pipe(guard).pipe(parser);
  let columns: string[] | null = null;
  let row = 0;
  let dataRows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (record.every((cell) => cell === '')) continue;
      if (!columns) {
        columns = onHeader(record);
        continue;
      }
      if (record.length !== columns.length) {
        dataRows += 1;
        await onRecord({ row, cells: {}, cellCount: record.length });
        continue;
      }
      dataRows += 1;
      const cells: Record<string, string> = {};
      columns.forEach((c, i) => (cells[c] = record[i]));
      await onRecord({ row, cells });
    }
  } catch (e) {
    // The parser can fail on a later row before the header reached us: a file with another delimiter typically does.
    // Its header then explains the failure better (WRONG_DELIMITER, an unknown column) than the row's syntax.
    if (!columns && e instanceof CsvError && guard.firstLine) {
      const header = firstRecord(guard.firstLine, delimiter);
      if (header) onHeader(header);
    }
    throw translate(e, row + 1);
  }
  if (!columns) throw new FileProblem('EMPTY_FILE', 'The file is empty; download the template for this kind and fill it in', null);
  if (dataRows === 0) throw new FileProblem('NO_ROWS', 'The file has a header row but no data rows; add at least one row', 2);
  return { rows: dataRows };
}

function firstRecord(line: Buffer, delimiter: string): string[] | null {
  try {
    return (parseSync(line, { bom: true, delimiter, trim: true, relax_quotes: true }) as string[][])[0] ?? null;
  } catch {
    return null;
  }
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
