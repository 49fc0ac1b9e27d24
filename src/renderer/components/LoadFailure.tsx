/**
 * Why something a page needs could not be loaded - the sentence main gave - and "Try again":
 * shown instead of "Loading…", which would otherwise stay forever.
 */
export function LoadFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
