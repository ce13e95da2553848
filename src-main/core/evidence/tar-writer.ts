import { createReadStream, statSync } from 'node:fs';

const BLOCK = 512;

const octal = (n: number, width: number): string => `${n.toString(8).padStart(width - 1, '0')}\0`;

/** A POSIX ustar header for a regular file (names up to 100 bytes, no prefix field needed). */
export const tarHeader = (name: string, size: number, mtimeMs: number): Buffer => {
  const header = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  header.write(name, 0, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii'); // uid
  header.write(octal(0, 8), 116, 'ascii'); // gid
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtimeMs / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii'); // the checksum counts its own field as spaces
  header.write('0', 156, 'ascii'); // a regular file
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
};

const padding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/**
 * Writes a tar archive of whole files, one after another, through `write` (awaited: the
 * reader waits for the writer). Python's `tarfile` and every `tar` read it.
 */
export const createTarWriter = (write: (chunk: Buffer) => Promise<void>) => ({
  /** A file from memory. */
  async addBuffer(name: string, content: Buffer, mtimeMs: number): Promise<void> {
    await write(tarHeader(name, content.length, mtimeMs));
    await write(content);
    await write(padding(content.length));
  },
  /** A file from disk, streamed. */
  async addFile(name: string, path: string, mtimeMs: number): Promise<void> {
    const { size } = statSync(path);
    await write(tarHeader(name, size, mtimeMs));
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      await write(chunk as Buffer);
    }
    await write(padding(size));
  },
  /** The two zero blocks that end an archive. */
  finish: (): Promise<void> => write(Buffer.alloc(2 * BLOCK)),
});
