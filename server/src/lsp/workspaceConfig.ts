/**
 * `.bulletincheck.json` of each workspace folder, as the client sends it (the client
 * reads the file with VS Code's file system, so this works for the Web too, and sends
 * nothing in an untrusted workspace). A document uses the configuration of the
 * innermost folder that contains it.
 */
import { parseConfig, type WorkspaceConfig } from '../core/config';

export const WORKSPACE_CONFIG_NOTIFICATION = 'bulletinCheck/workspaceConfig';

export interface WorkspaceConfigParams {
  /** The folder's URI, e.g. file:///corpus */
  folder: string;
  /** The file's text, or null when the folder has none (or the workspace is not trusted). */
  text: string | null;
}

export interface DocumentConfig {
  config: WorkspaceConfig;
  folder: string;
  /** The document's path relative to the folder, with "/". */
  relPath: string;
}

export function trimSlashes(uri: string): string {
  let end = uri.length;
  while (end > 0 && uri.charCodeAt(end - 1) === 47 /* / */) end--;
  return uri.slice(0, end);
}

export class WorkspaceConfigs {
  private readonly byFolder = new Map<string, WorkspaceConfig>();

  /** Sets a folder's configuration; returns the problems of the file (empty when none). */
  set(params: WorkspaceConfigParams): string[] {
    const problems: string[] = [];
    const folder = trimSlashes(params.folder);
    // A folder without the file is still a folder: "ignore in this file" can create it.
    this.byFolder.set(folder, parseConfig(params.text ?? '{}', (m) => problems.push(m)));
    return problems;
  }

  forDocument(uri: string): DocumentConfig | undefined {
    let best: string | undefined;
    for (const folder of this.byFolder.keys()) {
      if (uri.startsWith(folder + '/') && (!best || folder.length > best.length)) best = folder;
    }
    if (!best) return undefined;
    let relPath = uri.slice(best.length + 1);
    try {
      relPath = decodeURIComponent(relPath);
    } catch {
      // keep it encoded
    }
    return { config: this.byFolder.get(best) as WorkspaceConfig, folder: best, relPath };
  }
}
