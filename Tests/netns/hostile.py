"""Hostile neighbours for the netns tests, one per port, each a valid node on /api/v1/node:
8081 accepts the changes request and never answers; 8082 sends an endless body; 8083 sends
malformed JSON; 8084 answers 500; 8085 serves records with bad signatures and records that
claim another origin (re-signed with its own key), next to one good record; 8086 lies with valid
signatures (counts of 2^62 from two fresh origins, a profile of Notch timed in 2199, a count timed
in 2000) next to one plausible record.
Counts the changes requests per port in /tmp/hf-netns/hostile-counts.json."""
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

COUNTS = {}
LOCK = threading.Lock()
VICTIM = sys.argv[1] if len(sys.argv) > 1 else "A" * 43


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def make_key():
    key = Ed25519PrivateKey.generate()
    return key, b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def count_record(key, origin, name, count, micros):
    canonical = "\n".join(["head-count-v1", origin, name, str(count), str(micros)]).encode()
    return {"kind": "count", "origin": origin, "name": name, "count": count, "lastLookupAt": micros,
            "signature": b64(key.sign(canonical))}


def profile_record(key, origin, name, display, uuid, micros):
    canonical = "\n".join(["head-profile-v1", name, display, uuid, str(micros), origin, ""]).encode()
    return {"kind": "profile", "origin": origin, "name": name, "displayName": display, "uuid": uuid,
            "resolvedAt": micros, "signature": b64(key.sign(canonical))}


def lies(key, node_id):
    """Validly signed records that no node may store, and one plausible one."""
    micros = int(time.time() * 1_000_000)
    (liar1, id1), (liar2, id2) = make_key(), make_key()
    return [
        count_record(liar1, id1, "notch", 2 ** 62, micros),
        count_record(liar2, id2, "notch", 2 ** 62, micros),
        profile_record(key, node_id, "notch", "Notch", "0" * 32, 7_226_582_400_000_000),
        count_record(key, node_id, "hostileold", 3, 946_684_800_000_000),
        count_record(key, node_id, "hostileplausible", 2, micros),
    ]


def handler_for(port, key, node_id):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send_json(self, status, body):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path.startswith("/api/v1/node"):
                return self.send_json(200, {"nodeId": node_id, "name": f"hostile-{port}", "softwareVersion": "x",
                                            "protocolVersion": 1, "upstreamRealm": "http://fake-upstream:8090"})
            if not self.path.startswith("/api/v1/changes"):
                return self.send_json(404, {"error": "no"})
            with LOCK:
                COUNTS[port] = COUNTS.get(port, 0) + 1
                # Written whole and renamed: the test may read it at any moment.
                with open("/tmp/hf-netns/hostile-counts.json.tmp", "w") as file:
                    json.dump(COUNTS, file)
                os.replace("/tmp/hf-netns/hostile-counts.json.tmp", "/tmp/hf-netns/hostile-counts.json")
            if port == 8081:
                time.sleep(3600)
            elif port == 8082:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"[" * 65536
                try:
                    while True:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except OSError:
                    return
            elif port == 8083:
                self.send_json(200, b'{"nodeId": "x", "records": [ {')
            elif port == 8084:
                self.send_json(500, {"error": "boom"})
            elif port == 8086:
                since = self.path.split("since=")[1].split("&")[0] if "since=" in self.path else "0"
                records = lies(key, node_id) if since == "0" else []
                if since != "0":
                    time.sleep(1)
                self.send_json(200, {"nodeId": node_id, "since": since, "next": "9.9", "more": False,
                                     "latestSequence": 5, "records": records})
            else:
                micros = int(time.time() * 1_000_000)
                good = count_record(key, node_id, "hostilegood", 3, micros)
                bad = count_record(key, node_id, "hostilebad", 4, micros)
                bad["count"] = 400
                stolen = count_record(key, node_id, "hostilestolen", 5, micros)
                stolen["origin"] = VICTIM
                since = self.path.split("since=")[1].split("&")[0] if "since=" in self.path else "0"
                records = [good, bad, stolen] if since == "0" else []
                if since != "0":
                    time.sleep(1)
                self.send_json(200, {"nodeId": node_id, "since": since, "next": "9.9", "more": False,
                                     "latestSequence": 3, "records": records})

    return Handler


def main():
    servers = []
    for port in (8081, 8082, 8083, 8084, 8085, 8086):
        key, node_id = make_key()
        server = ThreadingHTTPServer(("0.0.0.0", port), handler_for(port, key, node_id))
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
