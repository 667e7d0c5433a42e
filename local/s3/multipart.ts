/**
 * A small streaming multipart/form-data parser (RFC 7578), enough for S3 browser form uploads.
 * It never holds more than one chunk plus a boundary's length of part data; the caller decides
 * what to keep.
 */

export interface PartInfo {
  /** The form field name from Content-Disposition. */
  name: string;
  /** The filename from Content-Disposition, when the part is a file. */
  filename?: string;
  /** The part's own Content-Type header, when present. */
  contentType?: string;
}

export interface MultipartHandlers {
  onPartStart(part: PartInfo): void;
  onPartData(chunk: Buffer): void;
  onPartEnd(): void;
}

/** Thrown when the body is not well-formed multipart/form-data. */
export class MalformedMultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';

/** Extracts the boundary from a multipart/form-data Content-Type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const [type, ...params] = contentType.split(';');
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let value = param.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    return value.length > 0 && value.length <= 200 ? value : undefined;
  }
  return undefined;
}

export class MultipartParser {
  private readonly delimiter: Buffer;
  private buffer: Buffer;
  private state: State = 'preamble';

  constructor(
    boundary: string,
    private readonly handlers: MultipartHandlers,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    // The first boundary has no leading CRLF; pretend it had one.
    this.buffer = Buffer.from(CRLF);
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  write(chunk: Buffer): void {
    if (this.state === 'done') return; // the epilogue is ignored
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.drain();
  }

  /** Call at the end of the body; throws when the body ended early. */
  end(): void {
    if (this.state !== 'done') {
      throw new MalformedMultipartError('multipart body ended before the closing boundary');
    }
  }

  private drain(): void {
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          const at = this.buffer.indexOf(this.delimiter);
          if (at < 0) {
            // keep a tail that may hold the start of the delimiter
            const keep = this.delimiter.length - 1;
            if (this.buffer.length > keep) this.buffer = this.buffer.subarray(-keep);
            return;
          }
          this.buffer = this.buffer.subarray(at + this.delimiter.length);
          this.state = 'afterBoundary';
          break;
        }
        case 'afterBoundary': {
          // transport padding (spaces, tabs) may follow a boundary
          let i = 0;
          while (i < this.buffer.length && (this.buffer[i] === 0x20 || this.buffer[i] === 0x09))
            i++;
          if (this.buffer.length - i < 2) return;
          const a = this.buffer[i];
          const b = this.buffer[i + 1];
          if (a === 0x2d && b === 0x2d) {
            this.state = 'done';
            this.buffer = Buffer.alloc(0);
            return;
          }
          if (a === 0x0d && b === 0x0a) {
            this.buffer = this.buffer.subarray(i + 2);
            this.state = 'headers';
            break;
          }
          throw new MalformedMultipartError('unexpected bytes after a multipart boundary');
        }
        case 'headers': {
          let block: string;
          if (this.buffer.length >= 2 && this.buffer[0] === 0x0d && this.buffer[1] === 0x0a) {
            block = ''; // a part without headers
            this.buffer = this.buffer.subarray(2);
          } else {
            const at = this.buffer.indexOf(HEADER_END);
            if (at < 0) {
              if (this.buffer.length > MAX_HEADER_BYTES) {
                throw new MalformedMultipartError('multipart part headers are too large');
              }
              return;
            }
            block = this.buffer.subarray(0, at).toString('utf8');
            this.buffer = this.buffer.subarray(at + HEADER_END.length);
          }
          this.handlers.onPartStart(parsePartHeaders(block));
          this.state = 'body';
          break;
        }
        case 'body': {
          const at = this.buffer.indexOf(this.delimiter);
          if (at < 0) {
            const safe = this.buffer.length - (this.delimiter.length - 1);
            if (safe > 0) {
              this.handlers.onPartData(this.buffer.subarray(0, safe));
              this.buffer = this.buffer.subarray(safe);
            }
            return;
          }
          if (at > 0) this.handlers.onPartData(this.buffer.subarray(0, at));
          this.handlers.onPartEnd();
          this.buffer = this.buffer.subarray(at + this.delimiter.length);
          this.state = 'afterBoundary';
          break;
        }
        case 'done':
          return;
      }
    }
  }
}

function parsePartHeaders(block: string): PartInfo {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (!disposition) throw new MalformedMultipartError('a multipart part lacks Content-Disposition');
  const [kind, ...rest] = splitParams(disposition);
  if (kind?.toLowerCase() !== 'form-data') {
    throw new MalformedMultipartError('a multipart part is not form-data');
  }
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const key = param.slice(0, eq).trim().toLowerCase();
    let value = param.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      // Browsers escape `"`, CR and LF as %22, %0D, %0A and leave backslashes alone (HTML spec),
      // so the quoted value is taken literally.
      value = value.slice(1, -1);
    }
    if (key.endsWith('*')) {
      // RFC 5987: charset'lang'percent-encoded
      const match = /^[^']*'[^']*'(.*)$/.exec(value);
      try {
        params.set(key.slice(0, -1), decodeURIComponent(match ? match[1]! : value));
      } catch {
        // keep the plain parameter, if any
      }
      continue;
    }
    if (!params.has(key)) params.set(key, value);
  }
  const name = params.get('name');
  if (name === undefined) throw new MalformedMultipartError('a multipart part lacks a name');
  const filename = params.get('filename');
  return {
    name,
    ...(filename !== undefined ? { filename } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
  };
}

/** Splits `form-data; name="a;b"; filename="x"` on semicolons outside double quotes. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current.trim());
  return out;
}
