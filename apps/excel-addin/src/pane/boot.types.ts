import type { Kernel } from '../core/kernel.types.ts';
import type { WorkbookPort } from '../core/workbook-port.ts';
import type { FileAdapter } from '../standalone/file-adapter.types.ts';
import type { TrustStorage } from './trust-storage.ts';

/** How the pane was started: inside Excel (a port is ready) or in a browser (a file comes later). */
export interface Boot {
  mode: 'office' | 'standalone';
  port: WorkbookPort | null;
  loadKernel: () => Promise<Kernel>;
  loadFiles: () => Promise<FileAdapter>;
  /** Where the trust list (imported public keys) is kept: the browser's localStorage. */
  trust: TrustStorage;
}
