import type { Attr, Row } from '../engine/menu-table';

/** One round of `/interface/monitor-traffic` for the given interfaces (rates from their meta). */
export const monitorTraffic = (rows: readonly Row[], section: number | null): Attr[][] =>
  rows.map((row) => {
    const rx = Math.round((row.meta.rxRate ?? 0) * 8);
    const tx = Math.round((row.meta.txRate ?? 0) * 8);
    const attrs: Attr[] = [
      ['name', row.values.name ?? ''],
      ['rx-packets-per-second', String(Math.round(rx / 7200))],
      ['rx-bits-per-second', String(rx)],
      ['fp-rx-packets-per-second', '0'],
      ['fp-rx-bits-per-second', '0'],
      ['rx-drops-per-second', '0'],
      ['rx-errors-per-second', '0'],
      ['tx-packets-per-second', String(Math.round(tx / 5600))],
      ['tx-bits-per-second', String(tx)],
      ['fp-tx-packets-per-second', '0'],
      ['fp-tx-bits-per-second', '0'],
      ['tx-drops-per-second', '0'],
      ['tx-queue-drops-per-second', '0'],
      ['tx-errors-per-second', '0'],
    ];
    return section === null ? attrs : [...attrs, ['.section', String(section)]];
  });
