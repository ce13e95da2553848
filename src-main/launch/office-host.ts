import { createCore } from '../core/create-core';
import { demoBanner, openDemoOffice, type DemoOfficeOptions } from '../demo/demo-office';
import { createCoreHost, type CoreHost, type HostedOffice } from '../transport/core-host';
import type { LaunchArgs } from './launch-args';

/**
 * The office a launcher serves: the demo office with --demo; otherwise the office in the data
 * folder, whose first-run screen may switch to the demo office (and back, if that fails).
 */
export const openOfficeHost = async (
  args: LaunchArgs,
  base: Omit<DemoOfficeOptions, 'dataDir' | 'say'>,
  say: (line: string) => void,
): Promise<CoreHost> => {
  const openOffice = (): HostedOffice => {
    const core = createCore({ ...base, dataDir: args.dataDir });
    return { core, stop: () => core.stop(), demo: null };
  };
  const openDemo = async (dataDir: string): Promise<HostedOffice> => {
    const office = await openDemoOffice({ ...base, dataDir, say });
    for (const line of demoBanner(office)) say(line);
    return office;
  };
  if (args.demo) return createCoreHost(await openDemo(args.dataDir));
  return createCoreHost(openOffice(), {
    demo: {
      open: () => openDemo(args.demoDir),
      reopen: () => {
        const office = openOffice();
        office.core.start();
        return Promise.resolve(office);
      },
    },
  });
};
