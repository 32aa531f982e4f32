import { describe, expect, it } from 'vitest';
import { forDisplay, forDisplayOrNull } from '../../shared/text/displayText';

describe('text from the CRM, for display', () => {
  it('drops bidirectional controls, so a right-to-left override cannot disguise a name', () => {
    expect(forDisplay('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(forDisplay('\u2066Anna\u2069 \u200Fsmith\u200E \u061C')).toBe('Anna smith ');
    expect(forDisplay('Ελένη محمد 山田')).toBe('Ελένη محمد 山田');
    expect(forDisplayOrNull(null)).toBeNull();
  });
});
