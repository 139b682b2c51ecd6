import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A region files can be dropped on (the file picker inside it is the keyboard way in). */
export function DropZone({ onFiles, children }: { onFiles: (files: FileList | null | undefined) => void; children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles(e.dataTransfer?.files);
      }}
    >
      {children}
    </div>
  );
}
