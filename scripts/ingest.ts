/**
 * `npm run ingest`: reads the digests, prints the report, writes the records.
 *
 *   npm run ingest                                  content/digests -> the site's data
 *   npm run ingest -- --digests DIR --json FILE     any folder -> a JSON array of records
 *   --curation DIR                                  curation files to apply (default: the `curation`
 *                                                   folder beside the digests folder, e.g. content/curation)
 *   --allow-rejects                                 write what is valid even if entries were rejected
 *
 * Exits 1, writing nothing, when a file is unreadable or in neither layout, or
 * when any entry was rejected (unless --allow-rejects).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestDirectory } from './ingest/ingest.ts';
import { IngestError, formatProblem } from './ingest/problems.ts';
import { formatReport } from './ingest/report.ts';
import { SITE_DATA_DIR, DIGESTS_DIR } from './paths.ts';

const USAGE = 'usage: npm run ingest -- [--digests DIR] [--json FILE] [--curation DIR] [--allow-rejects]';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      options: {
        digests: { type: 'string', default: DIGESTS_DIR },
        json: { type: 'string' },
        curation: { type: 'string' },
        'allow-rejects': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  let result;
  try {
    result = await ingestDirectory(options.digests, options.curation === undefined ? {} : { curationDir: options.curation });
  } catch (error) {
    if (error instanceof IngestError) {
      console.error(`Ingest failed; nothing was written.\n${error.problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
      return 1;
    }
    throw error;
  }
  const { records, report } = result;
  console.log(formatReport(report));

  const rejected = report.problems.some((problem) => problem.severity === 'error');
  if (rejected && !options['allow-rejects']) {
    console.error(`\nIngest failed: ${report.rejected} entries were rejected (listed above); nothing was written. Fix them, or pass --allow-rejects to write the ${records.length} valid papers.`);
    return 1;
  }

  if (options.json) {
    await writeAtomically(options.json, `${JSON.stringify(records, null, 2)}\n`);
    console.log(`\nWrote ${records.length} records to ${options.json}`);
  } else {
    await writeAtomically(path.join(SITE_DATA_DIR, 'papers.json'), `${JSON.stringify(records, null, 2)}\n`);
    await writeAtomically(path.join(SITE_DATA_DIR, 'digests.json'), `${JSON.stringify(report.digests, null, 2)}\n`);
    console.log(`\nWrote ${records.length} records for the site to ${SITE_DATA_DIR}/`);
  }
  return 0;
}

/** Write beside the target, then rename: a reader never sees half a file. */
async function writeAtomically(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

process.exitCode = await main();
