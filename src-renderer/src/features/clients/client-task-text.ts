import type { TaskProgress } from '../tasks/use-own-task';

/** "Checking rows: 2,500 of 100,000" and the like, in the clients task's own words. */
export const progressText = (p: TaskProgress, format: (n: number) => string): string => {
  const of = `${format(p.done)} of ${format(p.total)}`;
  switch (p.task) {
    case 'clients.check':
      return `Checking rows: ${of}`;
    case 'clients.import':
      return `Importing clients: ${of}`;
    case 'clients.export':
      return `Exporting clients: ${of}`;
    case 'verify':
    case 'export':
    case 'archive':
    case 'backup':
    case 'bundle':
      return of;
  }
};
