import type { DemoProgress } from '../contract/schemas/system';
import { createCore } from '../core/create-core';
import { demoBanner, openDemoOffice, type DemoOfficeOptions } from '../demo/demo-office';
import {
  createCoreHost,
  type CoreHost,
  type DemoSwitch,
  type HostedOffice,
} from '../transport/core-host';
import type { LaunchArgs } from './launch-args';

/**
 * The office a launcher serves: the demo office with --demo; otherwise the office in the data
 * folder, whose first-run screen may switch to the demo office (and back, if that fails). The
 * demo office's "Leave demo" goes back to the office (args.officeDir).
 */
export const openOfficeHost = async (
  args: LaunchArgs,
  base: Omit<DemoOfficeOptions, 'dataDir' | 'say' | 'progress'>,
  say: (line: string) => void,
): Promise<CoreHost> => {
  let building: DemoProgress | null = null;
  const openOffice = (): HostedOffice => {
    const core = createCore({ ...base, dataDir: args.officeDir });
    return { core, stop: () => core.stop(), demo: null };
  };
  const openDemo = async (): Promise<HostedOffice> => {
    try {
      const office = await openDemoOffice({
        ...base,
        dataDir: args.demoDir,
        say,
        progress: (p) => (building = p),
      });
      for (const line of demoBanner(office, args)) say(line);
      return office;
    } finally {
      building = null;
    }
  };
  const demo: DemoSwitch = {
    open: openDemo,
    reopen: () => {
      const office = openOffice();
      office.core.start();
      say(`ISP Desk serves the office again (data folder: ${args.officeDir})`);
      return Promise.resolve(office);
    },
    progress: () => building,
  };
  return createCoreHost(args.demo ? await openDemo() : openOffice(), { demo });
};
