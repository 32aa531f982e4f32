let context: AudioContext | null = null;

/** A short, quiet beep through WebAudio to confirm a scan; silent where there is no audio. */
export function scanBeep(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 1_760;
  gain.gain.value = 0.05;
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.07);
}
