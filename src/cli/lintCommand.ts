/** The `handbook-lint` command: arguments, run, output, exit status. */
import { parseArgs, type OptionSpec } from './args';
import { applyFixes } from './fix';
import { formatJson, formatStylish, type FileFindings } from './format';
import { formatGithub, formatSarif } from './sarif';
import { runLint, UsageError } from './lint';
import type * as OverlapsReport from './overlapsReport';
import { formatLadderReport, formatOrgReport, LADDER_FORMATS, ORG_FORMATS, type OrgFormat } from './orgReport';
import { neutralize, neutralizeKeepingColors, oneLine } from './terminal';
import { errorMessage } from '../core/errors';

type ReportFormat = OverlapsReport.ReportFormat | OrgFormat;
type Report = 'overlaps' | 'org' | 'ladder';
const REPORTS: readonly Report[] = ['overlaps', 'org', 'ladder'];
const REPORT_FORMATS: Record<Report, readonly ReportFormat[]> = {
  overlaps: ['stylish', 'json', 'markdown'],
  org: ORG_FORMATS,
  ladder: LADDER_FORMATS,
};

/** The map analysis, loaded only by runs that ask for it (loading it costs every run 0.6 MB). */
const overlapsReport = () => require('./overlapsReport') as typeof OverlapsReport;

const USAGE = `Usage: handbook-lint [PATH_OR_GLOB ...] [--format stylish|json|sarif|github] [--quiet] [--overlaps] [--fix]
       handbook-lint [PATH_OR_GLOB ...] --report overlaps [--format stylish|json|markdown]
       handbook-lint [PATH_OR_GLOB ...] --report org [--format stylish|json|markdown|mermaid]
       handbook-lint [PATH_OR_GLOB ...] --report ladder [--format stylish|json|markdown]

Checks handbook role files (Markdown with YAML frontmatter) against the role schema and the
handbook's cross-file rules. With no path, checks every role file under the current directory.

Options:
  --format FORMAT        stylish (default), json, sarif (SARIF 2.1.0) or github
                         (GitHub Actions annotations)
  --quiet                report errors only
  --fix                  first fix in place what is certain (a misspelt key with exactly
                         one close known key, a bad enum value with exactly one close
                         allowed value), print the changed files on stderr, then report
  --overlaps             also report the responsibility map's opt-in findings:
                         overlapping-responsibility (info), unowned-criterion (warning)
  --report overlaps      print the responsibility map (overlaps, gaps, shared success
                         criteria, areas) instead of findings, as stylish, json or markdown
  --report org           print the reporting lines (reports-to / manages) as a tree
                         (stylish, markdown), JSON or a Mermaid flowchart (mermaid)
  --report ladder        print the ladders (extends / level / ladder): each rung and what
                         it adds, as stylish, json or markdown
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

const LINT_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  overlaps: { type: 'boolean' },
  report: { type: 'string' },
};

export function main(argv: string[], io: CliIO): number {
  let format: Format | ReportFormat = 'stylish';
  let quiet = false;
  let fix = false;
  let overlaps = false;
  let report: Report | undefined;
  const targets = parseArgs('handbook-lint', USAGE, argv, io, LINT_OPTIONS, (name, v) => {
    if (name === 'quiet') quiet = true;
    if (name === 'fix') fix = true;
    if (name === 'overlaps') overlaps = true;
    if (name === 'format') {
      if (!v || !(FORMATS.includes(v as Format) || ORG_FORMATS.includes(v as ReportFormat))) {
        io.err(`handbook-lint: --format must be one of ${FORMATS.join(', ')}${v ? ` (got "${oneLine(v)}")` : ''}\n`);
        return 2;
      }
      format = v as Format | ReportFormat;
    }
    if (name === 'report') {
      if (!REPORTS.includes(v as Report)) {
        io.err(`handbook-lint: --report must be one of ${REPORTS.join(', ')}${v ? ` (got "${oneLine(v)}")` : ''}\n`);
        return 2;
      }
      report = v as Report;
    }
  });
  if (typeof targets === 'number') return targets;

  if (report ? !REPORT_FORMATS[report].includes(format) : !FORMATS.includes(format)) {
    io.err(
      `handbook-lint: --format must be one of ${(report ? REPORT_FORMATS[report] : FORMATS).join(', ')}${report ? ` with --report ${report}` : ''} (got "${format}")\n`,
    );
    return 2;
  }

  let results: FileFindings[];
  let unreadable = 0;
  try {
    const lint = (say: (s: string) => void) =>
      runLint({
        cwd: io.cwd,
        targets,
        onSkip: (file, reason) => say(`handbook-lint: skipped ${oneLine(file)}: ${oneLine(reason)}\n`),
        onNote: (file, note) => say(`handbook-lint: ${oneLine(file)} ${oneLine(note)}\n`),
        extraFindings: overlaps && !report ? overlapsReport().overlapFindings : undefined,
        keepRoles: !!report,
      });
    // With --fix, the notes of the first run wait: a second run after fixes says them again.
    let notes = '';
    let run = lint(fix ? (s) => (notes += s) : io.err);
    if (fix) {
      const changed = applyFixes(run, io.cwd, (file, reason) =>
        io.err(`handbook-lint: could not write ${oneLine(file)}: ${oneLine(reason)}\n`),
      );
      for (const c of changed) io.err(`handbook-lint: fixed ${oneLine(c.file)} (${c.fixes} ${c.fixes === 1 ? 'fix' : 'fixes'})\n`);
      // What remains is reported as a run without --fix would report the fixed files.
      if (changed.length) run = lint(io.err);
      else if (notes) io.err(notes);
    }
    if (targets.length === 0 && run.roleFiles === 0) {
      io.err('handbook-lint: no role files found under the current directory\n');
    }
    // Reports for people: handbook text in them must not drive the terminal (JSON stays exact).
    const say = (text: string) => io.out(format === 'json' ? text : io.color ? neutralizeKeepingColors(text) : neutralize(text));
    const status = run.unreadable ? 2 : 0;
    if (report === 'org') {
      say(formatOrgReport(run.index, format, io.cwd, !!io.color));
      return status;
    }
    if (report === 'ladder') {
      say(formatLadderReport(run.index, format, !!io.color));
      return status;
    }
    if (report) {
      say(overlapsReport().formatReport(run.index, format, io.cwd, !!io.color));
      return status;
    }
    results = run.results;
    unreadable = run.unreadable;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`handbook-lint: ${oneLine(e.message)}\n`);
      return 2;
    }
    io.err(`handbook-lint: internal error: ${oneLine(errorMessage(e))}\n`);
    return 2;
  }
  if (quiet) results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const text = FORMATTERS[format as Format](results, !!io.color);
  if (text) io.out(text);
  if (unreadable) {
    // The findings are printed, but the run could not read everything: it cannot pass.
    io.err(`handbook-lint: ${unreadable} ${unreadable === 1 ? 'file or folder' : 'files or folders'} could not be read (see above)\n`);
    return 2;
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
