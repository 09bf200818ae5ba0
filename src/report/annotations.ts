import * as path from 'node:path';
import * as core from '../core.js';
import type { SourceLocation } from '../errors.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * An annotation on a file of the repository. Paths are made relative to the
 * workspace, which is what GitHub needs to show them on the diff.
 */
export function annotate(
  level: AnnotationLevel,
  message: string,
  location?: SourceLocation,
  title?: string,
): void {
  const properties: core.AnnotationProperties = {};
  if (title) properties.title = title;
  if (location) {
    properties.file = workspaceRelative(location.file);
    if (location.line !== undefined) properties.startLine = location.line;
    if (location.endLine !== undefined) properties.endLine = location.endLine;
    // Columns only apply when the annotation stays on one line.
    if (location.column !== undefined && (location.endLine ?? location.line) === location.line) {
      properties.startColumn = location.column;
      if (location.endColumn !== undefined) properties.endColumn = location.endColumn;
    }
  }
  const emit = level === 'error' ? core.error : level === 'warning' ? core.warning : core.notice;
  emit(message, properties);
}

export function workspaceRelative(file: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (!workspace || !path.isAbsolute(file)) return file;
  const relative = path.relative(workspace, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
