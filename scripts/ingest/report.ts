/** Formats the ingest report a curator reads after every run. */
import type { IngestReport } from './ingest.ts';
import { formatProblem } from './problems.ts';

export function formatReport(report: IngestReport): string {
  const lines: string[] = [];
  const width = Math.max(...report.digests.map((digest) => digest.file.length), 6);
  lines.push('Digests:');
  for (const digest of report.digests) {
    const captured = digest.captured ? `captured ${digest.captured}` : 'capture date unknown';
    lines.push(`  ${digest.file.padEnd(width)}  ${String(digest.entries).padStart(5)} entries  ${digest.layout.padEnd(8)}  ${captured}${digest.rejected ? `  (${digest.rejected} rejected)` : ''}`);
  }
  lines.push('');
  lines.push(`Entries read:    ${report.entries}`);
  lines.push(`Papers:          ${report.papers}`);
  lines.push(`Merged listings: ${report.merged} (same paper listed again)`);
  lines.push(`Rejected:        ${report.rejected}`);
  lines.push(`Inferred dates:  ${report.inferredDates} (year taken from the digest's capture year, itself inferred)`);
  lines.push(`Hidden:          ${report.hidden} (hidden by curation)`);
  lines.push(`Check:           ${report.entries} entries = ${report.papers} papers + ${report.merged} merged + ${report.rejected} rejected + ${report.hidden} hidden${report.entries === report.papers + report.merged + report.rejected + report.hidden ? '' : '  MISMATCH'}`);

  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');
  if (report.conflicts.length > 0) {
    lines.push('', `Metadata conflicts (${report.conflicts.length}; first listing in digest order kept):`);
    for (const conflict of report.conflicts) {
      lines.push(`  ${conflict.sources[1]}: ${conflict.field} "${conflict.dropped}" differs from "${conflict.kept}" at ${conflict.sources[0]} for "${conflict.paper}"; kept "${conflict.kept}"`);
    }
  }
  if (errors.length > 0) {
    lines.push('', `Rejected entries (${errors.length}):`);
    for (const problem of errors) lines.push(`  ${formatProblem(problem)}`);
  }
  if (warnings.length > 0) {
    lines.push('', `Warnings (${warnings.length}):`);
    for (const problem of warnings) lines.push(`  ${formatProblem(problem)}`);
  }
  return lines.join('\n');
}
