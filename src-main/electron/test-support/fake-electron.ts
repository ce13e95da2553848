import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, for unit tests of the shell (loaded with vi.mock at the
 * edge only): just enough of ipcMain, webContents, BrowserWindow, app, session, shell, dialog,
 * contextBridge and ipcRenderer to drive the shell's own code and see what it did.
 */

export class FakeFrame {
  constructor(public url: string) {}
}

type PreventableEvent = { preventDefault(): void; defaultPrevented: boolean };
export const preventable = (): PreventableEvent => {
  const e = {
    defaultPrevented: false,
    preventDefault: () => {
      e.defaultPrevented = true;
    },
  };
  return e;
};

let nextId = 1;
const allContents = new Map<number, FakeWebContents>();

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  loaded: string | null = null;
  constructor(url: string) {
    super();
    this.mainFrame = new FakeFrame(url);
    allContents.set(this.id, this);
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  printToPDF(): Promise<Buffer> {
    return Promise.resolve(Buffer.from('%PDF-1.4'));
  }
  /** A closed window: fromId no longer finds it. */
  destroy(): void {
    allContents.delete(this.id);
  }
}

export const webContents = {
  fromId: (id: number): FakeWebContents | undefined => allContents.get(id),
};

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: an EventEmitter with Electron's invoke handlers (one per channel, as Electron insists). */
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke from `sender` (and its frame) would cause; resolves with the reply. */
  invoke(
    channel: string,
    from: { sender: FakeWebContents; frame?: FakeFrame | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    const senderFrame = from.frame === undefined ? from.sender.mainFrame : from.frame;
    return Promise.resolve(handler({ sender: from.sender, senderFrame }, ...args));
  }
}
export const ipcMain = new FakeIpcMain();

export const dialog = {
  nextSavePath: null as string | null,
  showSaveDialog: () =>
    Promise.resolve(
      dialog.nextSavePath === null
        ? { canceled: true, filePath: undefined }
        : { canceled: false, filePath: dialog.nextSavePath },
    ),
  showErrorBox: (title: string, message: string) => {
    dialog.errors.push([title, message]);
  },
  errors: [] as [string, string][],
};

export const shell = {
  opened: [] as string[],
  openExternal: (url: string): Promise<void> => {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

const windows: FakeBrowserWindow[] = [];
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  minimized = false;
  focused = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents('about:blank');
    windows.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows];
  }
  loadURL(url: string): Promise<void> {
    this.webContents.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {}
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
}
export { FakeBrowserWindow as BrowserWindow };

class FakeApp extends EventEmitter {
  lockAvailable = true;
  quitCalls = 0;
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  quit(): void {
    this.quitCalls++;
  }
}
export const app = new FakeApp();

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  done: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  permissionRequestHandler:
    ((contents: unknown, permission: string, done: (granted: boolean) => void) => void) | null =
    null;
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, done: (granted: boolean) => void) => void,
  ): void {
    this.permissionRequestHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

/** What the preload exposed, by key. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => {
    exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: [string, unknown[]][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return Promise.resolve({ ok: true, value: channel });
  }
}
export const ipcRenderer = new FakeIpcRenderer();
