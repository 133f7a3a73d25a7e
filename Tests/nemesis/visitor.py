"""A visitor of one node, run inside its own client namespace by the nemesis: looks up names on
the node's replicas until a deadline, loading the head image of each page it gets as a browser
would, and logs every lookup it sent, one JSON line each:
{node, replica, name, sent, done, status} (status 0: no answer within the timeout, or no
connection). Names come from a pool shared by every visitor, so that most names have lookups
from several origins, plus a few of its own. Bounded: at most --max lookups, until --until.

Usage: visitor.py NODE ADDRESS PORTS SEED UNTIL LOG"""
import http.client
import json
import random
import re
import sys
import time

HEAD = re.compile(rb'src="(/avatars/[0-9a-fA-F-]+\.png)"')

POOL = [f"nem{i:02d}" for i in range(40)]


def get(address, port, path):
    """(status, body); status 0 when no answer came."""
    connection = http.client.HTTPConnection(address, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    except OSError:
        return 0, b""
    finally:
        connection.close()


def main():
    node, address, ports, seed, until, log = sys.argv[1:7]
    ports = [int(p) for p in ports.split(",")]
    rng = random.Random(f"{seed}-visitor-{node}")
    until = float(until)
    own = 0
    with open(log, "a", buffering=1) as out:
        for _ in range(100_000):
            if time.time() >= until:
                break
            if rng.random() < 0.1:
                own += 1
                name = f"nem{node}{own}"
            else:
                name = rng.choice(POOL)
            replica = rng.randrange(len(ports))
            sent = time.time()
            status, body = get(address, ports[replica], f"/heads/{name}")
            done = time.time()
            head = HEAD.search(body) if status == 200 else None
            if head:
                get(address, ports[replica], head.group(1).decode())
            out.write(json.dumps({"node": node, "replica": replica, "name": name, "sent": sent, "done": done,
                                  "status": status}) + "\n")
            time.sleep(rng.uniform(0.05, 0.3))


if __name__ == "__main__":
    main()
