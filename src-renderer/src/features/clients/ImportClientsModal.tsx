import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { MAX_IMPORT_CHARS } from '@contract/schemas/clients';
import type { ImportPreview, ImportResult } from '@contract/schemas/clients';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { formatNumber } from '../../lib/format';
import { TaskProgressPanel } from '../tasks/TaskProgressPanel';
import { useOwnTask } from '../tasks/use-own-task';
import { ImportPreviewReport } from './ImportPreviewReport';
import { progressText } from './client-task-text';
import { counted } from '@domain/plural';

const REQUIRED = 'full_name, phone, service_type, login, password, plan';
const OPTIONAL =
  'account_no, email, address, latitude, longitude, static_ip, mac, router_id, expires, notes';

export function ImportClientsModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import clients from CSV" size="xl" centered>
      {opened && <ImportFlow onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}

/** The file as text (FileReader works everywhere the app runs, Electron and browsers alike). */
const readText = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });

type Step =
  | { kind: 'pick' }
  | { kind: 'preview'; csv: string; fileName: string; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult };

/**
 * Pick a file → dry run (every rejected row and why) → confirm → import the accepted rows. The
 * check and the import are tasks of the user's: their progress shows, with a Cancel button.
 */
function ImportFlow({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [fileError, setFileError] = useState<string | null>(null);
  // The running check or import: its progress, and only its, is shown; it can be cancelled.
  const task = useOwnTask();
  const preview = useApiMutation('clients.importPreview', { onSettled: () => task.end() });
  const commit = useApiMutation('clients.importCommit', {
    onSuccess: (result) => {
      setStep({ kind: 'done', result });
      onImported(result);
    },
    onSettled: () => task.end(),
  });
  /** Whether the call failed because the user cancelled its task from here. */
  const cancelledHere = (m: {
    isError: boolean;
    variables: { taskId?: string | undefined } | undefined;
  }) => m.isError && m.variables?.taskId !== undefined && task.wasCancelled(m.variables.taskId);
  const checkCancelled = cancelledHere(preview);
  const importCancelled = cancelledHere(commit);

  const check = async (picked: File | null) => {
    setFile(picked);
    setFileError(null);
    preview.reset();
    commit.reset();
    setStep({ kind: 'pick' });
    if (!picked) return;
    let csv: string;
    try {
      csv = await readText(picked);
    } catch {
      setFileError('The file could not be read.');
      return;
    }
    if (csv.trim() === '') {
      setFileError('The file is empty.');
      return;
    }
    if (csv.length > MAX_IMPORT_CHARS) {
      setFileError(
        `The file is too large (at most ${formatNumber(MAX_IMPORT_CHARS)} characters); split it into smaller files.`,
      );
      return;
    }
    preview.mutate(
      { csv, taskId: task.begin() },
      {
        onSuccess: (result) =>
          setStep({ kind: 'preview', csv, fileName: picked.name, preview: result }),
      },
    );
  };

  if (step.kind === 'done') {
    const { result } = step;
    return (
      <Stack gap="md">
        <Alert
          color={result.cancelled ? 'yellow' : 'teal'}
          variant="light"
          title={result.cancelled ? 'Import cancelled part-way' : 'Import complete'}
        >
          {`${formatNumber(result.imported)} client${result.imported === 1 ? '' : 's'} imported`}
          {result.firstAccountNo && result.lastAccountNo
            ? ` (accounts ${result.firstAccountNo} to ${result.lastAccountNo})`
            : ''}
          {result.rejected.length > 0
            ? `; ${counted(result.rejected.length, 'row')} ${result.rejected.length === 1 ? 'was' : 'were'} skipped.`
            : '.'}
          {result.cancelled
            ? ' The other rows were not imported: import the same file again to add them (the rows already imported are skipped).'
            : ''}
        </Alert>
        {result.rejected.length > 0 && <ImportPreviewReport preview={result} />}
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        The first row names the columns. Required: <Code>{REQUIRED}</Code>. Optional:{' '}
        <Code>{OPTIONAL}</Code>. Nothing is written until you confirm the check below.
      </Text>
      <FileInput
        label="CSV file"
        placeholder="Choose a .csv file"
        accept=".csv,text/csv"
        clearable
        value={file}
        onChange={(picked) => void check(picked)}
        error={fileError}
      />
      {(preview.isPending || commit.isPending) && (
        <TaskProgressPanel
          label={
            task.progress
              ? progressText(task.progress, formatNumber)
              : preview.isPending
                ? 'Checking the file…'
                : 'Starting the import…'
          }
          progress={task.progress}
          onCancel={() => void task.cancel()}
          cancelling={task.cancelling}
          cancelLabel={preview.isPending ? 'Cancel check' : 'Cancel import'}
        />
      )}
      {preview.isError && !checkCancelled && (
        <Alert color="red" variant="light" title="The file cannot be imported">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {checkCancelled && (
        <Alert color="yellow" variant="light" title="Check cancelled">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Nothing was written. Check the file again to import it.</Text>
            <Button size="xs" variant="default" onClick={() => void check(file)}>
              Check again
            </Button>
          </Stack>
        </Alert>
      )}
      {step.kind === 'preview' && (
        <>
          <ImportPreviewReport preview={step.preview} />
          {commit.isError && (
            <Alert
              color={importCancelled ? 'yellow' : 'red'}
              variant="light"
              title={importCancelled ? 'Import cancelled' : 'Nothing was imported'}
            >
              {importCancelled
                ? 'The import was cancelled before any client was written.'
                : errorMessage(commit.error)}
            </Alert>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        {step.kind === 'preview' && (
          <Button
            disabled={step.preview.accepted === 0}
            loading={commit.isPending}
            onClick={() => commit.mutate({ csv: step.csv, taskId: task.begin() })}
          >
            {step.preview.accepted === 0
              ? 'No rows to import'
              : `Import ${formatNumber(step.preview.accepted)} client${step.preview.accepted === 1 ? '' : 's'}`}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
