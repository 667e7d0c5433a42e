import type { IncomingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * S3's `aws-chunked` content encoding, which the AWS SDK uses for streamed uploads with a
 * trailing checksum (the default since 2025) or with signed chunks. s3rver does not know it and
 * stores the chunk framing as object data, so the proxy decodes it, as S3 does.
 *
 * Chunk format: `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n`, ending with a zero-size chunk,
 * optional trailer lines (`x-amz-checksum-crc32:...`) and an empty line.
 */

/** True when a request body is aws-chunked. */
export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const sha = headers['x-amz-content-sha256'];
  if (typeof sha === 'string' && sha.startsWith('STREAMING-')) return true;
  const encoding = headers['content-encoding'];
  return (
    typeof encoding === 'string' &&
    encoding
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .includes('aws-chunked')
  );
}

/** The headers of the request once its body is decoded. */
export function decodedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  const decodedLength = headers['x-amz-decoded-content-length'];
  delete out['content-length'];
  delete out['transfer-encoding'];
  delete out['x-amz-decoded-content-length'];
  delete out['x-amz-trailer'];
  if (typeof decodedLength === 'string' && /^\d+$/.test(decodedLength)) {
    out['content-length'] = decodedLength;
  }
  const encoding =
    typeof headers['content-encoding'] === 'string' ? headers['content-encoding'] : '';
  const rest = encoding
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0 && e.toLowerCase() !== 'aws-chunked');
  if (rest.length > 0) out['content-encoding'] = rest.join(', ');
  else delete out['content-encoding'];
  out['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  return out;
}

type State = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done';

const MAX_LINE = 8 * 1024;

/** Streams the payload out of an aws-chunked body. */
export class AwsChunkedDecoder extends Transform {
  private state: State = 'size';
  private pending: Buffer = Buffer.alloc(0);
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
      this.drain();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    // A body may stop right after the zero-size chunk, without trailers or the final empty line.
    if (this.state === 'done' || this.state === 'trailer') callback();
    else callback(new Error('aws-chunked body ended in the middle of a chunk'));
  }

  private readLine(): string | undefined {
    const at = this.pending.indexOf('\r\n');
    if (at < 0) {
      if (this.pending.length > MAX_LINE) throw new Error('aws-chunked line too long');
      return undefined;
    }
    const line = this.pending.subarray(0, at).toString('latin1');
    this.pending = this.pending.subarray(at + 2);
    return line;
  }

  private drain(): void {
    for (;;) {
      switch (this.state) {
        case 'size': {
          const line = this.readLine();
          if (line === undefined) return;
          const hex = line.split(';')[0]!.trim();
          if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error('malformed aws-chunked chunk size');
          this.remaining = Number.parseInt(hex, 16);
          this.state = this.remaining === 0 ? 'trailer' : 'data';
          break;
        }
        case 'data': {
          if (this.pending.length === 0) return;
          const take = Math.min(this.remaining, this.pending.length);
          this.push(this.pending.subarray(0, take));
          this.pending = this.pending.subarray(take);
          this.remaining -= take;
          if (this.remaining === 0) this.state = 'dataEnd';
          break;
        }
        case 'dataEnd': {
          if (this.pending.length < 2) return;
          if (this.pending[0] !== 0x0d || this.pending[1] !== 0x0a) {
            throw new Error('malformed aws-chunked chunk end');
          }
          this.pending = this.pending.subarray(2);
          this.state = 'size';
          break;
        }
        case 'trailer': {
          const line = this.readLine();
          if (line === undefined) return;
          if (line === '') this.state = 'done'; // trailer lines are checksums, not data
          break;
        }
        case 'done':
          this.pending = Buffer.alloc(0);
          return;
      }
    }
  }
}
