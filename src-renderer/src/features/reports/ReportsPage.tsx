import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { OfficeGate } from '../settings/OfficeGate';
import { DrawerReport } from './DrawerReport';
import { ExpiringReport } from './ExpiringReport';
import { IncomeReport } from './IncomeReport';

type Tab = 'drawer' | 'income' | 'expiring';

export function ReportsPage() {
  return (
    <OfficeGate>
      <ReportsScreen />
    </OfficeGate>
  );
}

function ReportsScreen() {
  const { can } = useSession();
  const financial = can('reports.financial');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab =
    asked === 'expiring' || !financial ? 'expiring' : asked === 'income' ? 'income' : 'drawer';

  return (
    <Stack gap="md">
      <Title order={1} size="h2" className="no-print">
        Reports
      </Title>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(next) => next && setParams({ tab: next }, { replace: true })}
      >
        <Tabs.List className="no-print" mb="md">
          {financial && <Tabs.Tab value="drawer">Drawer close</Tabs.Tab>}
          {financial && <Tabs.Tab value="income">Income</Tabs.Tab>}
          <Tabs.Tab value="expiring">Expiring clients</Tabs.Tab>
        </Tabs.List>
        {financial && (
          <Tabs.Panel value="drawer">
            <DrawerReport />
          </Tabs.Panel>
        )}
        {financial && (
          <Tabs.Panel value="income">
            <IncomeReport />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="expiring">
          <ExpiringReport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
