// The bad-rows report: one CSV line per row left out, with its line number and the reason, written as found.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { RowProblem } from '../../domain/import/types';

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export interface BadRowSink {
  add(problem: RowProblem): void;
  close(): Promise<void>;
}

export class BadRowReport implements BadRowSink {
  private readonly out: WriteStream;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.write('line,number,reason\n');
  }

  add(problem: RowProblem): void {
    this.out.write(`${cell(problem.line)},${cell(problem.number)},${cell(problem.reason)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** Keeps problems in memory (the seed and tests). */
export class MemoryBadRows implements BadRowSink {
  readonly problems: RowProblem[] = [];

  add(problem: RowProblem): void {
    this.problems.push(problem);
  }

  async close(): Promise<void> {}
}
