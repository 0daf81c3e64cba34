/** The `handbook-lint` command: arguments, run, output, exit status. */
import { isOption, parseArgs } from './args';
import { formatJson, formatStylish, type FileFindings } from './format';
import { formatGithub, formatSarif } from './sarif';
import { runLint, UsageError } from './lint';
import type * as OverlapsReport from './overlapsReport';

type ReportFormat = OverlapsReport.ReportFormat;
const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'markdown'];

/** The map analysis, loaded only by runs that ask for it (loading it costs every run 0.6 MB). */
const overlapsReport = () => require('./overlapsReport') as typeof OverlapsReport;

const USAGE = `Usage: handbook-lint [PATH_OR_GLOB ...] [--format stylish|json|sarif|github] [--quiet] [--overlaps]
       handbook-lint [PATH_OR_GLOB ...] --report overlaps [--format stylish|json|markdown]

Checks handbook role files (Markdown with YAML frontmatter) against the role schema and the
handbook's cross-file rules. With no path, checks every role file under the current directory.

Options:
  --format FORMAT        stylish (default), json, sarif (SARIF 2.1.0) or github
                         (GitHub Actions annotations)
  --quiet                report errors only
  --overlaps             also report the responsibility map's opt-in findings:
                         overlapping-responsibility (info), unowned-criterion (warning)
  --report overlaps      print the responsibility map (overlaps, gaps, shared success
                         criteria, areas) instead of findings, as stylish, json or markdown
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 no errors, 1 errors found, 2 could not run.`;

export interface CliIO {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  color?: boolean;
}

type Format = 'stylish' | 'json' | 'sarif' | 'github';
const FORMATS: Format[] = ['stylish', 'json', 'sarif', 'github'];

const FORMATTERS: Record<Format, (results: FileFindings[], color: boolean) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function main(argv: string[], io: CliIO): number {
  let format: Format | ReportFormat = 'stylish';
  let quiet = false;
  let overlaps = false;
  let report: 'overlaps' | undefined;
  const targets = parseArgs('handbook-lint', USAGE, argv, io, (arg, value) => {
    if (arg === '--quiet' || arg === '-q') {
      quiet = true;
      return true;
    }
    if (isOption(arg, '--format', '-f')) {
      const v = value();
      if (!v || !(FORMATS.includes(v as Format) || REPORT_FORMATS.includes(v as ReportFormat))) {
        io.err(`handbook-lint: --format must be one of ${FORMATS.join(', ')}${v ? ` (got "${v}")` : ''}\n`);
        return 2;
      }
      format = v as Format | ReportFormat;
      return true;
    }
    if (arg === '--overlaps') {
      overlaps = true;
      return true;
    }
    if (isOption(arg, '--report')) {
      const v = value();
      if (v !== 'overlaps') {
        io.err(`handbook-lint: --report must be "overlaps"${v ? ` (got "${v}")` : ''}\n`);
        return 2;
      }
      report = v;
      return true;
    }
    return false;
  });
  if (typeof targets === 'number') return targets;

  if (report ? !REPORT_FORMATS.includes(format) : !FORMATS.includes(format)) {
    io.err(`handbook-lint: --format must be one of ${(report ? REPORT_FORMATS : FORMATS).join(', ')}${report ? ' with --report' : ''} (got "${format}")\n`);
    return 2;
  }

  let results: FileFindings[];
  try {
    const run = runLint({
      cwd: io.cwd,
      targets,
      onSkip: (file, reason) => io.err(`handbook-lint: skipped ${file}: ${reason}\n`),
      onNote: (file, note) => io.err(`handbook-lint: ${file} ${note}\n`),
      extraFindings: overlaps && !report ? overlapsReport().overlapFindings : undefined,
      keepRoles: !!report,
    });
    if (targets.length === 0 && run.roleFiles === 0) {
      io.err('handbook-lint: no role files found under the current directory\n');
    }
    if (report) {
      io.out(overlapsReport().formatReport(run.index, format, io.cwd, !!io.color));
      return 0;
    }
    results = run.results;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`handbook-lint: ${e.message}\n`);
      return 2;
    }
    io.err(`handbook-lint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (quiet) results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const text = FORMATTERS[format as Format](results, !!io.color);
  if (text) io.out(text);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
