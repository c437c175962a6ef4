/**
 * The parts of the chat an ordinary open chat does not need, each a chunk of its own that the
 * bundler splits off (`import()`) with its feature controller (uploads, off-hours, transcript, past conversations):
 * fetched once, the first time it is needed, and again after a failed download.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

export const loadAttachments = lazy(() => import('./attachments.js'));
export const loadOffHours = lazy(() => import('./offhours.js'));
export const loadTranscript = lazy(() => import('./transcript.js'));
export const loadHistory = lazy(() => import('./history.js'));
