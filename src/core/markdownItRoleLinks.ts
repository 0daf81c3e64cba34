/**
 * A markdown-it plugin that renders `[[Role]]` and `[[Role|label]]` as links to the role, or as an
 * "unresolved" span when no role has that name. It is an inline rule, so code spans and fenced
 * code are never touched (markdown-it does not run inline rules inside them).
 *
 * Everything emitted is escaped here: the host (VS Code's preview) does not sanitise plugin output.
 * Roles are resolved when rendering, not when parsing, because hosts cache parsed tokens.
 */
import type MarkdownIt from 'markdown-it';
import { escapeHtml } from './language/escape';

export interface RoleLinkTarget {
  /** The role's id. */
  id: string;
  /** Shown as the link's tooltip. */
  title: string;
  /** Where the link goes; `javascript:`, `vbscript:` and `data:` targets are dropped. */
  href: string;
}

export interface RoleLinksOptions {
  /** Resolves a link's target (as written, trimmed); `env` is the renderer's environment. */
  resolve(name: string, env: unknown): RoleLinkTarget | undefined;
  /** Tooltip of an unresolved link. */
  unresolvedTitle?(name: string): string;
}

export const ROLE_LINK_TOKEN = 'handbook_role_link';
export const ROLE_LINK_CLASS = 'handbook-role-link';
export const UNRESOLVED_CLASS = 'handbook-role-link-unresolved';

interface LinkMeta {
  target: string;
  label?: string;
}

const LINK = /\[\[([^\[\]|\r\n]+)(?:\|([^\[\]\r\n]*))?\]\]/y;
const UNSAFE_HREF = /^[\s\u0000-\u001f]*(javascript|vbscript|data):/i;

export function roleLinksPlugin(md: MarkdownIt, options: RoleLinksOptions): void {
  const rule = (state: MarkdownIt.StateInline, silent: boolean): boolean => {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x5b /* [ */ || state.src.charCodeAt(pos + 1) !== 0x5b) return false;
    LINK.lastIndex = pos;
    const m = LINK.exec(state.src);
    if (!m || pos + m[0].length > state.posMax) return false;
    const target = m[1].trim();
    if (!target) return false;
    if (!silent) {
      const token = state.push(ROLE_LINK_TOKEN, '', 0);
      token.meta = { target, label: m[2]?.trim() || undefined } satisfies LinkMeta;
      token.content = m[0];
    }
    state.pos = pos + m[0].length;
    return true;
  };
  try {
    // Before markdown-it's own links, so that `[[x]]` is not read as a bracketed `[x]`.
    md.inline.ruler.before('link', ROLE_LINK_TOKEN, rule);
  } catch {
    md.inline.ruler.push(ROLE_LINK_TOKEN, rule); // a host without the link rule
  }

  md.renderer.rules[ROLE_LINK_TOKEN] = (tokens, idx, _opts, env) => {
    const meta = tokens[idx].meta as LinkMeta;
    const text = escapeHtml(meta.label ?? meta.target);
    let role: RoleLinkTarget | undefined;
    try {
      role = options.resolve(meta.target, env);
    } catch {
      role = undefined;
    }
    if (role && !UNSAFE_HREF.test(role.href)) {
      return `<a class="${ROLE_LINK_CLASS}" href="${escapeHtml(role.href)}" title="${escapeHtml(role.title)}" data-role="${escapeHtml(role.id)}">${text}</a>`;
    }
    const title = options.unresolvedTitle?.(meta.target) ?? `No role named "${meta.target}"`;
    return `<span class="${ROLE_LINK_CLASS} ${UNRESOLVED_CLASS}" title="${escapeHtml(title)}">${text}</span>`;
  };
}
