/** SARIF 2.1.0 output for code-scanning dashboards, with one rule (and its help) per finding code. */
import type { FindingCode } from '../core/types';
import { FINDING_DOCS } from '../core/findingDocs';
import type { FileFindings } from './format';
import { neutralize } from './terminal';

declare const __VERSION__: string | undefined;

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileFindings[]): string {
  const codes = Object.keys(FINDING_DOCS) as FindingCode[];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'handbook-lint',
            informationUri: FINDING_DOCS.schema.helpUri.split('#')[0],
            version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev',
            rules: codes.map((code) => ({
              id: code,
              name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: FINDING_DOCS[code].summary },
              fullDescription: { text: FINDING_DOCS[code].help },
              help: { text: FINDING_DOCS[code].help, markdown: FINDING_DOCS[code].help },
              helpUri: FINDING_DOCS[code].helpUri,
              defaultConfiguration: { level: LEVEL[FINDING_DOCS[code].severity] },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(r.file), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.range.line, startColumn: f.range.column, endLine: f.range.endLine, endColumn: f.range.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * A relative path as a URI reference: encodeURI leaves `#` and `?`, which would start a fragment
 * or a query (SARIF1002), so they are encoded too.
 */
export function fileUri(file: string): string {
  return encodeURI(file.split('\\').join('/')).replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}

/**
 * GitHub Actions workflow commands: one annotation per finding. Line breaks in a value are
 * escaped as the runner expects (%0A), and other control characters (ESC, BEL) neutralised.
 */
export function formatGithub(results: FileFindings[]): string {
  const escapeData = (s: string) => neutralize(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const kind = { error: 'error', warning: 'warning', info: 'notice' } as const;
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProp(r.file)}`,
        `line=${f.range.line}`,
        `col=${f.range.column}`,
        `endLine=${f.range.endLine}`,
        `endColumn=${f.range.endColumn}`,
        `title=${escapeProp(`handbook-lint (${f.code})`)}`,
      ];
      out += `::${kind[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
}
