/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): in text from the CRM they can make
 * `gnp.exe` display as `exe.png`. Shown text drops them, so characters appear in the order they are stored.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function forDisplay(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export function forDisplayOrNull(text: string | null): string | null {
  return text === null ? null : forDisplay(text);
}
