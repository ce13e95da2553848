import { Button } from '@mantine/core';
import { notifySuccess } from '../../lib/notify';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown after login while the account still has a temporary password. */
export function ForcedPasswordChange({
  username,
  displayName,
  onChanged,
  onSignOut,
}: {
  username: string;
  displayName: string;
  onChanged: () => void;
  onSignOut: () => void;
}) {
  return (
    <AuthCard
      title="Choose a new password"
      subtitle={`Welcome, ${displayName}. Your password was set by an administrator; choose your own before you continue.`}
    >
      <ChangePasswordForm
        names={[username, displayName]}
        onChanged={() => {
          notifySuccess('Your password has been changed.');
          onChanged();
        }}
        extraActions={
          <Button variant="subtle" onClick={onSignOut}>
            Sign out
          </Button>
        }
      />
    </AuthCard>
  );
}
