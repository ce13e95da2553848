import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Router, RouterTlsMode, TestConnectionResult } from '@contract/schemas/routers';
import { ROUTER_TLS_MODES } from '@contract/schemas/routers';
import { errorMessage } from '../../api/api-error';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { useFormFields } from '../../lib/use-form-fields';
import {
  emptyRouterForm,
  parseRouterForm,
  routerToForm,
  toTestInput,
  toUpdateInput,
} from './router-form';
import type { RouterFormValues } from './router-form';
import { TLS_LABELS } from './router-labels';

export type RouterFormTarget = { kind: 'create' } | { kind: 'edit'; router: Router };

const FIELDS = ['name', 'host', 'port', 'tls', 'apiUser', 'password', 'pollIntervalSec'];

export function RouterFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: RouterFormTarget | null;
  onClose: () => void;
  onSaved: (router: Router, created: boolean) => void;
}) {
  const router = target?.kind === 'edit' ? target.router : null;
  const title = router ? `Edit router ${router.name}` : 'Add router';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} centered size="lg">
      {target && (
        <RouterForm
          key={router ? `edit-${String(router.id)}` : 'create'}
          router={router}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function TestResult({ result }: { result: TestConnectionResult }) {
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title="Connection works">
        <Text size="sm">
          Identity: <strong>{result.identity}</strong> · RouterOS {result.version} · Board{' '}
          {result.board} · {result.latencyMs} ms
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="Connection failed">
      <Text size="sm">{result.message}</Text>
    </Alert>
  );
}

function RouterForm({
  router,
  onCancel,
  onSaved,
}: {
  router: Router | null;
  onCancel: () => void;
  onSaved: (router: Router, created: boolean) => void;
}) {
  const form = useFormFields<RouterFormValues>(router ? routerToForm(router) : emptyRouterForm());
  const [tls, setTls] = useState<RouterTlsMode>(router?.tls ?? 'off');
  const create = useApiMutation('routers.create', { onSuccess: (r) => onSaved(r, true) });
  const update = useApiMutation('routers.update', { onSuccess: (r) => onSaved(r, false) });
  const test = useApiMutation('routers.testConnection');
  const save = router ? update : create;
  const serverError = (name: string) => serverFieldError(save.error, name);
  const generalError = serverFormError(save.error, FIELDS);
  const formName = router ? 'Edit router' : 'Add router';

  const parse = () => {
    const parsed = parseRouterForm(form.values, tls, router);
    form.setErrors(parsed.ok ? {} : parsed.errors);
    return parsed.ok ? parsed.input : null;
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = parse();
    if (!input) return;
    if (router) update.mutate(toUpdateInput(router, input));
    else create.mutate(input);
  };

  const runTest = () => {
    const input = parse();
    if (input) test.mutate(toTestInput(router, input));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={formName}>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Could not save the router">
            {generalError}
          </Alert>
        )}
        <TextInput
          label="Name"
          autoComplete="off"
          data-autofocus
          {...form.field('name', serverError)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Address"
            description="IP address or host name"
            autoComplete="off"
            {...form.field('host', serverError)}
          />
          <TextInput
            label="Port"
            description="Empty: 8728, or 8729 with API-SSL"
            inputMode="numeric"
            autoComplete="off"
            {...form.field('port', serverError)}
          />
        </SimpleGrid>
        <NativeSelect
          label="API-SSL"
          value={tls}
          onChange={(event) => {
            const value = ROUTER_TLS_MODES.find((m) => m === event.currentTarget.value);
            if (value) setTls(value);
          }}
          data={ROUTER_TLS_MODES.map((mode) => ({ value: mode, label: TLS_LABELS[mode] }))}
          error={serverError('tls')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="API user" autoComplete="off" {...form.field('apiUser', serverError)} />
          <PasswordInput
            label="API password"
            description={
              router
                ? 'Leave empty to keep the stored password (only for the same address and user)'
                : undefined
            }
            autoComplete="new-password"
            {...form.field('password', serverError)}
          />
        </SimpleGrid>
        <TextInput
          label="Poll interval (seconds)"
          description="How often the health check asks this router (5 to 3600)"
          inputMode="numeric"
          autoComplete="off"
          {...form.field('pollIntervalSec', serverError)}
        />
        <div aria-live="polite">
          {test.isError && (
            <Alert color="red" variant="light" title="Could not test the connection">
              {errorMessage(test.error)}
            </Alert>
          )}
          {test.data && <TestResult result={test.data} />}
        </div>
        <Group justify="space-between">
          <Button variant="light" onClick={runTest} loading={test.isPending}>
            Test connection
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save router
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
