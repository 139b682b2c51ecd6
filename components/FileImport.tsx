import { useState } from 'preact/hooks';
import { DropZone } from './DropZone';
import { decodeFileBytes } from '@/lib/import/decode';

export interface FileImportProps {
  /** Imports one file; resolves with what to tell the user, rejects with the reason it failed. */
  onFile: (file: { name: string; text: string }) => Promise<string>;
  /** Names of the formats the import understands, for the hint. */
  formats: readonly string[];
}

/** Drop a positions file (or choose one): the same import code as the CLI. */
export function FileImport({ onFile, formats }: FileImportProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });

  async function take(files: FileList | null | undefined) {
    const file = files?.[0];
    if (!file) return;
    setState({ kind: 'busy', text: `Reading ${file.name}…` });
    try {
      // UTF-8 or UTF-16 (with its byte-order mark): some brokerages export UTF-16.
      const text = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
      setState({ kind: 'done', text: await onFile({ name: file.name, text }) });
    } catch (error) {
      setState({ kind: 'error', text: `${file.name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <DropZone onFiles={(files) => void take(files)}>
      <p>
        Drop the positions file your brokerage lets you download here, or{' '}
        <label class="file-button">
          choose a file
          <input type="file" accept=".csv,.ofx,.qfx,.xml,.txt,.json" data-testid="import-file" onChange={(e) => void take((e.currentTarget as HTMLInputElement).files)} />
        </label>
        .
      </p>
      <p class="hint">
        Understood: {formats.join(', ')}. Robinhood has no positions file: open its investing page instead.
      </p>
      {state.text && (
        <p class={`import-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.text}
        </p>
      )}
    </DropZone>
  );
}
