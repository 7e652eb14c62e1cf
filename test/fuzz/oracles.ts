import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';

// Every output of a fuzz case is checked here against its format; each check throws with the reason.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const validateSarif = ajv.compile(sarifSchema);

/** A stack trace or a JavaScript error's name: what a user must never see without --debug. */
export const STACK = /^\s+at .+(?::\d+:\d+\)?|\(native\))$|\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EvalError|AggregateError)\b|Maximum call stack|Invalid string length|heap out of memory/m;

/** Characters that act on a terminal instead of being shown: C0 (but tab and newline), DEL, C1, bidi controls, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function fail(what: string): never {
  throw new Error(what);
}

/** The JSON report of `check`; throws unless it parses and has the contract's shape. */
export function checkJson(text: string): Json {
  const report = JSON.parse(text) as Json;
  if (report.tool !== 'zhibu' || !Array.isArray(report.findings) || !Array.isArray(report.inputErrors)) fail('the JSON report lacks tool, findings or inputErrors');
  if (report.summary.inputErrors !== report.inputErrors.length) fail(`summary.inputErrors ${report.summary.inputErrors} ≠ ${report.inputErrors.length} listed`);
  for (const e of report.inputErrors) if (typeof e.file !== 'string' || !(e.line >= 1) || !(e.column >= 1) || typeof e.message !== 'string') fail(`input error without file:line:column: ${JSON.stringify(e)}`);
  for (const f of report.findings) if (typeof f.rule !== 'string' || typeof f.branch !== 'string' || !(f.line >= 1)) fail(`malformed finding ${JSON.stringify(f)}`);
  return report;
}

/** Text meant for a terminal, stderr or a CI log: no character that acts instead of showing. */
export function terminalText(text: string, where: string): void {
  const bad = TERMINAL_CONTROL.exec(text);
  if (bad) fail(`${where} holds the control character U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${bad.index}: ${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index + 40))}`);
}

/** A well-formed XML document (saxes is a strict, conforming parser). */
export function xml(text: string): void {
  const parser = new SaxesParser({ xmlns: false });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(text).close();
  if (error) fail(`not well-formed XML: ${(error as Error).message}`);
}

/** RFC 4180 rows (fields quoted with "", CRLF or LF line ends), BOM dropped. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '"') fail(`a quote inside an unquoted CSV field, row ${rows.length + 1}`);
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (quoted) fail('an unterminated quoted CSV field');
  if (field !== '' || row.length > 0) fail('the CSV does not end with a line break');
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A CSV table: every row as wide as the header, no cell a spreadsheet would run as a formula; returns the data rows. */
export function csv(text: string): string[][] {
  const [header, ...rows] = csvRows(text);
  if (!header) fail('an empty CSV');
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) fail(`CSV row ${i + 2} has ${row.length} fields, the header ${header.length}`);
    for (const cell of row) if (FORMULA_START.test(cell) && !NUMBER.test(cell)) fail(`CSV cell a spreadsheet runs as a formula: ${JSON.stringify(cell.slice(0, 60))}`);
  }
  return rows;
}

/** Markdown that cannot run or link: no raw HTML tag, no unescaped link to javascript:, table rows as wide as their header. */
export function markdown(text: string): void {
  const tag = /(?<!\\)<\/?[a-z][^>]*>/i.exec(text.replace(/<br>/g, ''));
  if (tag) fail(`raw HTML in Markdown: ${JSON.stringify(tag[0])}`);
  if (/(?<!\\)\]\((?:javascript|data|vbscript):/i.test(text)) fail('a javascript: link in Markdown');
  let columns = -1;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      columns = -1;
      continue;
    }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
    if (columns === -1) columns = cells;
    else if (cells !== columns) fail(`a Markdown table row with ${cells - 2} cells under a header of ${columns - 2}: ${JSON.stringify(line.slice(0, 80))}`);
  }
}

/** A whole HTML page whose text could not have opened a tag of its own. */
export function html(text: string): void {
  if (!/^<!doctype html>/i.test(text) || !/<\/html>\s*$/.test(text)) fail('the HTML page is not whole (doctype … </html>)');
  if (text.includes('<script>alert(1)')) fail('a record value became a script element in HTML');
}

/** A SARIF log valid against the OASIS 2.1.0 schema. */
export function sarif(text: string): void {
  if (!validateSarif(JSON.parse(text))) fail(`SARIF schema: ${ajv.errorsText(validateSarif.errors)}`);
}

/** GitLab Code Quality: an array of issues with description, fingerprint, severity and a path. */
export function gitlab(text: string): void {
  const issues = JSON.parse(text) as Json;
  if (!Array.isArray(issues)) fail('GitLab report is not an array');
  for (const i of issues) if (typeof i.description !== 'string' || typeof i.fingerprint !== 'string' || typeof i.location?.path !== 'string') fail(`malformed GitLab issue ${JSON.stringify(i).slice(0, 200)}`);
}

/** GitHub workflow commands, one per line, nothing between them that the runner could read as a command. */
export function github(text: string): void {
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (!/^::(?:error|warning|notice)(?: [^:]*)?::/.test(line)) fail(`not a GitHub annotation: ${JSON.stringify(line.slice(0, 80))}`);
  }
  terminalText(text, 'GitHub annotations');
}

/** An XLSX workbook that exceljs opens; returns the text of each sheet's rows. */
export async function xlsx(bytes: Uint8Array): Promise<string[][][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  if (book.worksheets.length === 0) fail('a workbook without sheets');
  return book.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  });
}
