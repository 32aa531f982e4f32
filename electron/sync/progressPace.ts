import type { SyncProgress } from '../../shared/ipc/contract';

/** While a push runs, its progress is told at most this often; its start and its end at once. */
export const PROGRESS_PACE_MS = 100;

/**
 * A push's progress at a pace a window can show. At concurrency 8 main hears 160 answers a second,
 * and each told change is an IPC message to every window and a redraw there. A change of `running`
 * (a push starting, the last one ending) is told at once; between, the latest change is told at most
 * once per `paceMs`, and one held when the push ends is dropped, as the end tells more.
 */
export function pacedProgress(tell: (progress: SyncProgress) => void, paceMs = PROGRESS_PACE_MS): (progress: SyncProgress) => void {
  let held: SyncProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: boolean | null = null;
  const open = () => {
    timer = setTimeout(() => {
      timer = null;
      if (held === null) return;
      const latest = held;
      held = null;
      tell(latest);
      open();
    }, paceMs);
    timer.unref?.();
  };
  return (progress) => {
    const turned = progress.running !== running;
    running = progress.running;
    if (turned || !progress.running) {
      if (timer !== null) clearTimeout(timer);
      held = null;
      tell(progress);
      if (progress.running) open();
      else timer = null;
    } else if (timer !== null) {
      held = progress;
    } else {
      tell(progress);
      open();
    }
  };
}
