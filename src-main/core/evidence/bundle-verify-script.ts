/**
 * `verify_bundle.py`, shipped inside every evidence bundle: Python 3.8+ standard library only,
 * so that an auditor can run it on any machine without installing anything. It recomputes the
 * hash chain from a signed checkpoint (or the log's first entry) to the next signed checkpoint,
 * checks the checkpoints' Ed25519 signatures (RFC 8032, section 6's reference verification),
 * and checks that entries.ndjson and entries.csv hold exactly the chain's entries of the range.
 */
export const VERIFY_SCRIPT = String.raw`#!/usr/bin/env python3
"""Checks an ISP Desk evidence bundle. Run it from anywhere: python3 verify_bundle.py

Exit 0: every entry is unaltered and the chain is complete between signed checkpoints.
Exit 1: the bundle does not verify (the first problem found is printed).
Needs Python 3.8 or newer and nothing else."""
import base64
import csv
import hashlib
import json
import os
import sys
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT = "isp-desk/evidence-bundle/v1"
CHAIN_FORMAT = "isp-desk/activity/v1"
HASHED = ["id", "ts", "type", "category", "event", "outcome", "actor_id", "actor_name", "ip",
          "workstation", "description", "target_type", "target_id", "target_label", "client_id",
          "router_id", "details", "correlation_id"]
CSV_COLUMNS = {"id": "id", "timestamp": "time", "type": "type", "category": "category",
               "event": "event", "outcome": "outcome", "staff_id": "actor_id",
               "staff": "actor_name", "ip": "ip", "workstation": "workstation",
               "description": "description", "target_type": "target_type",
               "target_id": "target_id", "target": "target_label", "client_id": "client_id",
               "router_id": "router_id", "correlation_id": "correlation_id",
               "details": "details", "hash": "row_hash"}


class BundleError(Exception):
    pass


# --- Ed25519 verification (RFC 8032, section 6) ---------------------------------------------
P = 2 ** 255 - 19
D = -121665 * pow(121666, P - 2, P) % P
Q = 2 ** 252 + 27742317777372353535851937790883648493
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, d - c, d + c, y + x
    return (e * f, g * h, f * g, e * h)


def _mul(s, pt):
    acc = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            acc = _add(acc, pt)
        pt = _add(pt, pt)
        s >>= 1
    return acc


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
G = (_GX, _GY, 1, _GX * _GY % P)


def _decompress(s):
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    return _equal(_mul(s, G), _add(r, _mul(h, a)))


# --- the bundle -------------------------------------------------------------------------------
def path(name):
    return os.path.join(HERE, name)


def sha256_file(name):
    digest = hashlib.sha256()
    with open(path(name), "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def public_key():
    with open(path("public-key.pem"), encoding="ascii") as f:
        body = "".join(line.strip() for line in f if not line.startswith("-----"))
    der = base64.b64decode(body)
    # SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte prefix, then the 32-byte key.
    if len(der) != 44 or der[:12] != bytes.fromhex("302a300506032b6570032100"):
        raise BundleError("public-key.pem is not an Ed25519 public key")
    return der[12:]


def check_checkpoints(key):
    with open(path("checkpoints.json"), encoding="utf-8") as f:
        checkpoints = json.load(f)
    by_entry = {}
    for c in checkpoints:
        lines = c["note"].split("\n")
        if len(lines) != 5 or lines[1] != str(c["uptoId"]) or \
                base64.b64decode(lines[2]).hex() != c["headHash"]:
            raise BundleError("checkpoint at entry %s: its note does not match it" % c["uptoId"])
        if not ed25519_verify(key, c["note"].encode("utf-8"), base64.b64decode(c["signature"])):
            raise BundleError("checkpoint at entry %s: the signature is not valid" % c["uptoId"])
        by_entry[c["uptoId"]] = c
    return by_entry


def timestamp_of(text):
    moment = datetime.fromisoformat(text)
    return round(moment.timestamp() * 1000)


def check_chain(manifest, checkpoints):
    chain = manifest["chain"]
    start, end = chain["afterId"], chain["toId"]
    if start == 0:
        if chain["afterHash"] != "0" * 64:
            raise BundleError("the chain starts at the log's first entry but not from zero")
    elif start not in checkpoints or checkpoints[start]["headHash"] != chain["afterHash"]:
        raise BundleError("the chain does not start at a signed checkpoint (entry %s)" % start)
    if end not in checkpoints:
        raise BundleError("the chain does not end at a signed checkpoint (entry %s)" % end)
    first, last = manifest["entries"]["firstId"], manifest["entries"]["lastId"]
    prev, prev_id = bytes.fromhex(chain["afterHash"]), start
    hash_before = chain["afterHash"] if first - 1 == start else None
    lines = {}
    in_range = []
    with open(path("chain.ndjson"), "rb") as f:
        for raw in f:
            e = json.loads(raw.decode("utf-8"))
            if e["id"] <= prev_id:
                raise BundleError("entry %s is out of order in chain.ndjson" % e["id"])
            canonical = json.dumps([CHAIN_FORMAT] + [e[k] for k in HASHED],
                                   separators=(",", ":"), ensure_ascii=False)
            digest = hashlib.sha256(prev + canonical.encode("utf-8")).digest()
            if digest.hex() != e["row_hash"]:
                raise BundleError("entry %s does not verify: it was altered, or entries before "
                                  "it are missing" % e["id"])
            if timestamp_of(e["time"]) != e["ts"]:
                raise BundleError("entry %s: its time does not match its timestamp" % e["id"])
            if e["id"] in checkpoints and checkpoints[e["id"]]["headHash"] != e["row_hash"]:
                raise BundleError("entry %s does not match the signed checkpoint there" % e["id"])
            if e["id"] == first - 1:
                hash_before = e["row_hash"]
            if first <= e["id"] <= last:
                lines[e["id"]] = hashlib.sha256(raw).digest()
                rng = manifest["range"]
                if rng["from"] <= e["ts"] <= rng["to"]:
                    in_range.append(e["id"])
            prev, prev_id = digest, e["id"]
    if prev_id != end:
        raise BundleError("the chain stops at entry %s, before the signed checkpoint at %s: "
                          "entries are missing at its end" % (prev_id, end))
    if hash_before != manifest["before"]["hash"]:
        raise BundleError("the hash of the entry just before the range does not match the chain")
    return lines, in_range


def check_entries(manifest, chain_lines, in_range):
    seen = []
    with open(path("entries.ndjson"), "rb") as nd, \
            open(path("entries.csv"), encoding="utf-8", newline="") as cf:
        rows = csv.reader(cf)
        header = next(rows, None)
        if header is None or [CSV_COLUMNS.get(h) for h in header] != list(CSV_COLUMNS.values()):
            raise BundleError("entries.csv does not have the expected columns")
        for raw in nd:
            e = json.loads(raw.decode("utf-8"))
            if chain_lines.get(e["id"]) != hashlib.sha256(raw).digest():
                raise BundleError("entry %s in entries.ndjson differs from the verified chain"
                                  % e["id"])
            if seen and e["id"] <= seen[-1]:
                raise BundleError("entry %s is out of order in entries.ndjson" % e["id"])
            seen.append(e["id"])
            row = next(rows, None)
            if row is None:
                raise BundleError("entries.csv ends before entry %s" % e["id"])
            for column, cell in zip(header, row):
                value = e[CSV_COLUMNS[column]]
                expected = "" if value is None else str(value)
                if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                    cell = cell[1:]  # the guard that keeps spreadsheets from running formulas
                if cell != expected:
                    raise BundleError("entries.csv, entry %s: %s differs from the verified "
                                      "chain" % (e["id"], column))
        if next(rows, None) is not None:
            raise BundleError("entries.csv has rows that entries.ndjson does not")
    if manifest["filter"] is None and seen != in_range:
        missing = sorted(set(in_range) - set(seen))
        raise BundleError("entries.ndjson is not the whole range: %d entries of the chain in the "
                          "range are missing (first: %s)" % (len(missing), missing[:1]))
    if not set(seen) <= set(in_range):
        raise BundleError("entries.ndjson holds entries outside the range")
    if len(seen) != manifest["entries"]["count"]:
        raise BundleError("entries.ndjson holds %d entries, manifest.json says %d"
                          % (len(seen), manifest["entries"]["count"]))
    return seen


def main():
    try:
        with open(path("manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        if manifest.get("format") != FORMAT:
            raise BundleError("manifest.json is not an ISP Desk evidence bundle manifest")
        for name, digest in manifest["files"].items():
            if sha256_file(name) != digest:
                raise BundleError("%s was changed after the bundle was made (its SHA-256 differs "
                                  "from manifest.json)" % name)
        checkpoints = check_checkpoints(public_key())
        chain_lines, in_range = check_chain(manifest, checkpoints)
        seen = check_entries(manifest, chain_lines, in_range)
    except (BundleError, OSError, ValueError, KeyError, TypeError) as problem:
        print("NOT VERIFIED: %s" % problem)
        return 1
    chain = manifest["chain"]
    start = "the log's first entry" if chain["afterId"] == 0 else \
        "the signed checkpoint at entry %s" % chain["afterId"]
    scope = "every entry" if manifest["filter"] is None else \
        "the entries matching the filter in manifest.json"
    print("VERIFIED: %d entries (%s from %s to %s, %s) are unaltered; the chain is complete from "
          "%s to the signed checkpoint at entry %s (%d signed checkpoints checked)."
          % (len(seen), scope, manifest["range"]["fromTime"], manifest["range"]["toTime"],
             manifest["range"]["timeZone"], start, chain["toId"], len(checkpoints)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
