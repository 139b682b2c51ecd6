/** What the popup shows before anything was read. */
export function EmptyState({ onOpenDemo }: { onOpenDemo?: () => void }) {
  return (
    <div class="empty" role="status">
      <h2>No holdings yet</h2>
      <p>Open your brokerage’s positions page: Breadth reads it there, with no account linking.</p>
      <p>
        On another site, press <b>Scan this page</b> below.
        {onOpenDemo && (
          <>
            {' '}Or{' '}
            <button type="button" class="link" onClick={onOpenDemo}>
              try the demo portfolio
            </button>
            .
          </>
        )}
      </p>
    </div>
  );
}
