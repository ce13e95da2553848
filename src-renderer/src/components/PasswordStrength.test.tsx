import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../test-utils/fake-transport';
import { renderWithProviders } from '../test-utils/render';
import { PasswordStrengthMeter } from './PasswordStrength';

function Harness({ names }: { names: string[] }) {
  const [password, setPassword] = useState('');
  return (
    <>
      <input
        aria-label="New password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <PasswordStrengthMeter password={password} names={names} />
    </>
  );
}

const type = (value: string) =>
  fireEvent.change(screen.getByLabelText('New password'), { target: { value } });

describe('PasswordStrengthMeter', () => {
  it('shows the strength while a password is typed, as the server will judge it', async () => {
    renderWithProviders(<Harness names={['carol', 'Carol Wanjiru']} />, createFakeTransport({}));
    expect(screen.queryByLabelText('Password strength')).toBeNull();

    type('password12');
    expect(
      await screen.findByText(
        'Strength: Weak (too easy to guess). This is a commonly used password.',
      ),
    ).toBeInTheDocument();

    type('carol wanjiru');
    expect(
      await screen.findByText(
        /^Strength: .* \(too easy to guess\)\. There should not be any personal/,
      ),
    ).toBeInTheDocument();

    type('maize lantern quietly 48');
    expect(await screen.findByText('Strength: Very strong')).toBeInTheDocument();
    expect(screen.getByLabelText('Password strength')).toBeInTheDocument();
  });
});
