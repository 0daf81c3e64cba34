/**
 * Reporting lines: `kind: reports-to` on A with B and `kind: manages` on B with A both state the
 * one line "A reports to B". Walks go up (from a role to its managers) and are bounded by what
 * they can reach, so checking one role costs its chain of managers, not the handbook.
 */
import type { Relationship, Role } from '../types';
import { isReportingKind, type OrgGraph } from './graph';

/** One relationship that states a reporting line. */
export interface ReportingStatement {
  /** The role whose file holds the relationship. */
  role: Role;
  relationship: Relationship;
}

export interface ReportingEdge {
  report: Role;
  manager: Role;
  statement: ReportingStatement;
}

/** The line a relationship states, if it states one and names a role. */
export function edgeOf(role: Role, relationship: Relationship, graph: Pick<OrgGraph, 'resolve'>): ReportingEdge | undefined {
  if (!isReportingKind(relationship.kind)) return undefined;
  const other = graph.resolve(relationship.with);
  if (!other) return undefined;
  const statement = { role, relationship };
  return relationship.kind === 'reports-to' ? { report: role, manager: other, statement } : { report: other, manager: role, statement };
}

/** The lines up from a role: its own `reports-to`, and `manages` stated by others about it. */
export function managerEdges(role: Role, graph: OrgGraph): ReportingEdge[] {
  const out: ReportingEdge[] = [];
  for (const rel of role.relationships) {
    if (rel.kind !== 'reports-to') continue;
    const e = edgeOf(role, rel, graph);
    if (e) out.push(e);
  }
  for (const other of graph.managersNaming(role)) {
    for (const rel of other.relationships) {
      if (rel.kind !== 'manages') continue;
      const e = edgeOf(other, rel, graph);
      if (e && e.report.uri === role.uri) out.push(e);
    }
  }
  return out;
}

/**
 * A path of roles up the reporting lines from `from` to `to` (both included), shortest first
 * found, or undefined. Breadth-first, each role visited once.
 */
export function pathUp(from: Role, to: Role, graph: OrgGraph): Role[] | undefined {
  const prev = new Map<string, Role | null>([[from.uri, null]]);
  const queue: Role[] = [from];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    if (cur.uri === to.uri) {
      const path: Role[] = [];
      for (let r: Role | null | undefined = cur; r; r = prev.get(r.uri)) path.push(r);
      return path.reverse();
    }
    for (const e of managerEdges(cur, graph)) {
      if (prev.has(e.manager.uri)) continue;
      prev.set(e.manager.uri, cur);
      queue.push(e.manager);
    }
  }
  return undefined;
}

/** Every role reachable up the reporting lines from the given roles (themselves included). */
export function upClosure(start: Iterable<Role>, graph: OrgGraph): Set<string> {
  const seen = new Set<string>();
  const queue: Role[] = [];
  for (const r of start) {
    if (seen.has(r.uri)) continue;
    seen.add(r.uri);
    queue.push(r);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const e of managerEdges(queue[i], graph)) {
      if (seen.has(e.manager.uri)) continue;
      seen.add(e.manager.uri);
      queue.push(e.manager);
    }
  }
  return seen;
}

/**
 * The cycle a reporting line is on, as roles from its report up to the report again
 * (`a, b, a`: a reports to b, b to a), or undefined when it is on none.
 */
export function cycleOf(edge: ReportingEdge, graph: OrgGraph): Role[] | undefined {
  const back = pathUp(edge.manager, edge.report, graph);
  return back ? [edge.report, ...back] : undefined;
}

export interface ReportingLine {
  report: Role;
  manager: Role;
  /** Every relationship that states it, in role order; the first is the one reports point at. */
  statements: ReportingStatement[];
  /** Whether it is on a cycle of reporting lines. */
  onCycle: boolean;
}

/** Every reporting line of a handbook once, ordered by manager id, then report id. */
export function reportingLines(roles: readonly Role[], graph: OrgGraph): ReportingLine[] {
  const lines = new Map<string, ReportingLine>();
  for (const role of roles) {
    for (const rel of role.relationships) {
      const e = edgeOf(role, rel, graph);
      if (!e) continue;
      const key = `${e.report.uri}\n${e.manager.uri}`;
      const line = lines.get(key);
      if (line) line.statements.push(e.statement);
      else lines.set(key, { report: e.report, manager: e.manager, statements: [e.statement], onCycle: false });
    }
  }
  const out = [...lines.values()];
  const component = components(out.map((l) => [l.report.uri, l.manager.uri]));
  for (const line of out) line.onCycle = component.get(line.report.uri) === component.get(line.manager.uri);
  return out.sort(
    (a, b) =>
      cmp(a.manager.id, b.manager.id) ||
      cmp(a.report.id, b.report.id) ||
      cmp(a.manager.uri, b.manager.uri) ||
      cmp(a.report.uri, b.report.uri),
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Strongly connected components of a directed graph given as edges (iterative Tarjan): node →
 * component number. A line is on a cycle when both its ends share a component (a self-line too).
 */
export function components(edges: readonly [string, string][]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
    if (!next.has(b)) next.set(b, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comp = new Map<string, number>();
  let counter = 0;
  let compCount = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const succ = next.get(v)!;
      if (i < succ.length) {
        top[1]++;
        const w = succ[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, compCount);
        } while (w !== v);
        compCount++;
      }
    }
  }
  return comp;
}
