/**
 * A new id for a task this screen starts (the core takes it as the task's id, see
 * contract/schemas/tasks.ts): 16 random bytes, URL-safe.
 */
export const newTaskId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};
