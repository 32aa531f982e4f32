import { render, screen } from '@testing-library/react';
import { QRCodeSVG } from 'qrcode.react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenErrorBoundary } from '../../renderer/components/ScreenErrorBoundary';

afterEach(() => vi.restoreAllMocks());

describe('a screen that fails', () => {
  it('is replaced by what failed, while the rest of the window stays; another screen shows normally', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <div>
        <nav>Navigation</nav>
        <ScreenErrorBoundary screen="token">
          {/* A card whose code is 3,000 characters long cannot be drawn as a QR code: QRCodeSVG throws. */}
          <QRCodeSVG value={'a1'.repeat(1500)} />
        </ScreenErrorBoundary>
      </div>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/This screen could not be shown.*Your queued work is kept/);
    expect(screen.getByText('Navigation')).toBeTruthy();

    rerender(
      <div>
        <nav>Navigation</nav>
        <ScreenErrorBoundary screen="find">
          <p>Find a token</p>
        </ScreenErrorBoundary>
      </div>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Find a token')).toBeTruthy();
  });
});
