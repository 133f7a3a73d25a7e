"""Records a version's wire answers and a dump of its database, for the Swift suite to replay
(`Tests/WebsiteTests/Fixtures/VERSION/`, read by `PreviousVersionTests`).

Usage (scripts/record-fixtures runs it): record_fixtures.py WEBSITE_BINARY FIXTURES_DIRECTORY, with
DATABASE_URL naming a role that may create databases; the recording goes into a directory named
by the version the node reports (`softwareVersion` of /api/v1/node), replacing any earlier one. The binary runs as one node against its own
fake upstream; visitors look up a few names; once every record is signed, the node's answers to
the requests a neighbour makes (node info, every page of the changes feed in pages of two
records, digests, records of each digest range and, where the version answers several ranges at
once, of every combination of them, head images) are saved with a manifest
mapping each request to its file. The node is then stopped and its database dumped as plain SQL
(`pg_dump --inserts`), the schema and rows exactly as that version left them.
"""
import hashlib
import itertools
import json
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from processes import Processes, free_port, get, make_database, wait_until  # noqa: E402

LOOKUPS = ["alice", "alice", "alice", "bob", "carol", "carol", "dave_99"]


def main():
    binary, fixtures = sys.argv[1], pathlib.Path(sys.argv[2])
    out = None
    database = make_database(os.environ["DATABASE_URL"], prefix="website_fixture")
    processes = Processes()
    try:
        upstream_port, port = free_port(), free_port()
        upstream = f"http://127.0.0.1:{upstream_port}"
        processes.start([binary, "fake-upstream", "--host", "127.0.0.1", "--port", str(upstream_port)], {},
                        f"{upstream}/control")
        base = f"http://127.0.0.1:{port}"
        processes.start([binary], {
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(port), "DATABASE_URL": database,
            "NODE_NAME": "previous-node", "MOJANG_API_URL": upstream, "AVATAR_URL": f"{upstream}/avatar",
            "LOG_LEVEL": "warning", "PEERS_FILE": "/nonexistent",
            # The profile service a default-configured node names (its lookups go to the stand-in).
            "UPSTREAM_REALM": "https://api.mojang.com",
        }, f"{base}/readyz")
        for name in LOOKUPS:
            status, _ = get(f"{base}/heads/{name}")
            assert status == 200, f"lookup of {name} answered {status}"

        def every_record_signed():
            records = changes_from(base, "0", limit=5000)
            return records and all(record.get("signature") for record in records)

        assert wait_until(every_record_signed, 30), "the node did not sign its records within 30 s"

        info = json.loads(get(f"{base}/api/v1/node")[1])
        out = fixtures / info["softwareVersion"]
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        manifest = {}

        def save(path_and_query, file_name, body):
            (out / file_name).write_bytes(body)
            manifest[path_and_query] = file_name

        def record(path_and_query, file_name):
            status, body = get(base + path_and_query)
            assert status == 200, f"{path_and_query} answered {status}"
            save(path_and_query, file_name, body)
            return body

        record("/api/v1/node", "node.json")
        since, page = "0", 0
        while True:
            body = json.loads(record(f"/api/v1/changes?since={since}&limit=2", f"changes-{page}.json"))
            page += 1
            since = body["next"]
            if not body.get("more"):
                break
        # The caught-up answer at the end: what a neighbour gets once it has everything.
        record(f"/api/v1/changes?since={since}&limit=2", f"changes-{page}.json")
        digests = json.loads(record("/api/v1/digests?prefix=", "digests.json"))
        held = [digest_range["prefix"] for digest_range in digests["ranges"] if digest_range["count"] > 0]
        for prefix in held:
            record(f"/api/v1/records?prefix={urllib.parse.quote(prefix)}", f"records-{prefix}.json")
        if digests.get("maximumPrefixes", 1) > 1:
            # A version that answers several ranges at once is asked for the differing ones
            # together (`prefixes=`, in order): every combination of the held ranges, since which
            # differ depends on what the asker has pulled by then.
            assert len(held) <= 6, f"{len(held)} held ranges: too many combinations to record"
            for size in range(2, len(held) + 1):
                for ranges in itertools.combinations(sorted(held), size):
                    record(f"/api/v1/records?prefixes={','.join(ranges)}", f"records-{'-'.join(ranges)}.json")
        hashes = {record.get("avatarSha256") for record in changes_from(base, "0", limit=5000)} - {None}
        for sha in sorted(hashes):
            body = record(f"/api/v1/avatars/{sha}", f"avatar-{sha[:12]}.png")
            assert hashlib.sha256(body).hexdigest() == sha
        (out / "manifest.json").write_text(json.dumps({
            "version": info["softwareVersion"],
            "nodeId": info.get("nodeId"),
            "lookups": LOOKUPS,
            "answers": manifest,
        }, indent=2, sort_keys=True) + "\n")
    finally:
        processes.stop_all()
    dump = subprocess.run(["pg_dump", "--inserts", "--no-owner", "--no-privileges", "--no-comments", database],
                          check=True, capture_output=True, text=True).stdout
    (out / "database.sql").write_text(dump)
    print(f"recorded {len(manifest)} answers and a dump of {len(dump)} bytes into {out}")


def changes_from(base, since, limit):
    status, body = get(f"{base}/api/v1/changes?since={since}&limit={limit}")
    return json.loads(body).get("records", []) if status == 200 else []


if __name__ == "__main__":
    main()
