/** Problems the ingester reports, always with the file and line they come from. */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Digest or curation file, relative to the folder it was read from. */
  file: string;
  /** 1-based line the problem starts at. */
  line: number;
  /** Plain-words reason a curator can act on. */
  reason: string;
  /** `error` rejects the entry (or file); `warning` keeps it and tells. */
  severity: Severity;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.reason}`;
}

/** Thrown for a problem that stops the whole run (an unreadable file, a bad curation file). */
export class IngestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'IngestError';
  }
}
