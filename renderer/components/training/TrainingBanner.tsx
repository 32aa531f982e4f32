import { useServices } from '../../context';

/** On every screen while training: this is practice, and none of it is real. */
export function TrainingBanner() {
  const { training } = useServices();
  if (!training) return null;
  return (
    <div role="note" aria-label="Training mode" className="banner banner-training">
      TRAINING MODE — practice only. Nothing done here reaches the real CRM; leave training mode in Settings.
    </div>
  );
}
