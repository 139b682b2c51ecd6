/** A file that cannot be imported, with a one-line reason and the line it concerns when there is one. */
export class ImportError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${reason}` : reason);
    this.name = 'ImportError';
  }
}
