type ManifestSummary = {
  installation: string;
  createdAt: string;
  range: { fromTime: string; toTime: string; timeZone: string };
  filter: object | null;
  entries: { count: number };
  chain: { afterId: number; toId: number };
};

/** The README.txt at the top of an evidence bundle: what it holds and how to check it. */
export const bundleReadme = (m: ManifestSummary): string => `ISP Desk evidence bundle
========================

Installation: ${m.installation}
Made:         ${m.createdAt}
Range:        ${m.range.fromTime} to ${m.range.toTime} (times in ${m.range.timeZone})
Entries:      ${String(m.entries.count)}${m.filter ? ' (matching the filter in manifest.json)' : ''}

Files
-----
entries.ndjson    The range's entries, one JSON object per line, in id order.
entries.csv       The same entries as a spreadsheet (a cell starting with = + - @ gets a
                  leading ' so that spreadsheets never run it as a formula).
chain.ndjson      Every entry from the signed checkpoint before the range (or the log's first
                  entry) to the signed checkpoint at or after its end: the hash chain that proves
                  the range complete and unaltered. Entries outside the range appear only here.
checkpoints.json  The signed checkpoints at the chain's ends and in between. A checkpoint signs
                  "origin, entry id, base64 head hash, time", one per line, with Ed25519.
public-key.pem    The installation's checkpoint signing key (public half). Compare its
                  fingerprint with a copy kept outside the database (npm run cli -- log checkpoints).
manifest.json     The range, the filter, the hash of the entry just before the range, and the
                  SHA-256 of every file.
verify_bundle.py  The check below.

How an entry is hashed
----------------------
row_hash = SHA-256( previous row_hash || UTF-8( canonical ) ), where canonical is the JSON array
(no whitespace, as ECMAScript JSON.stringify writes it) of "isp-desk/activity/v1", id, ts,
type, category, event, outcome, actor_id, actor_name, ip, workstation, description,
target_type, target_id, target_label, client_id, router_id, details, correlation_id. The first
entry of a log chains from 32 zero bytes. "time" is ts in the office's time zone, for people.

Checking it
-----------
    python3 verify_bundle.py

(Python 3.8 or newer, nothing to install.) It checks the checkpoints' signatures, recomputes
every hash of chain.ndjson from the first checkpoint (entry ${String(m.chain.afterId)}) to the last
(entry ${String(m.chain.toId)}), and checks that entries.ndjson and entries.csv hold exactly the
chain's entries of the range${m.filter ? ' that the filter selected (which entries match a filter it cannot tell: the chain proves each listed entry unaltered)' : ''}. Exit 0
and "VERIFIED" when everything holds; exit 1 naming the first problem otherwise.
`;
