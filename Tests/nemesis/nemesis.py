"""The nemesis: five nodes on separate hosts (network namespaces) joined in a ring with one chord,
visitors looking up names on every node, and faults drawn from a seed (schedule.py) applied
while they do. At the end it heals everything, waits for the nodes to converge, and runs the
checker (checker.py) over the history. Usage (root; scripts/nemesis wraps it):

    python3 Tests/nemesis/nemesis.py --seed S --minutes M [--binary PATH] [--previous PATH]

Prints the schedule, the faults as applied, the checker's result and the figures; keeps the
history and the logs in /tmp/hf-nemesis. Exit status 1 when a check fails.
"""
import argparse
import collections
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "netns"))
import checker  # noqa: E402
import schedule  # noqa: E402
import topology  # noqa: E402
from federation import Federation, enter, freeze, wait_until  # noqa: E402

NODES = ["a", "b", "c", "d", "e"]
# A ring with one chord: b's records reach d and e only through others.
LINKS = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("a", "c")]
REPLICATED = ["a", "d"]


def instance(number):
    """Run N's hosts, addresses and files: runs of different numbers can go on side by side."""
    global WORK, TOPOLOGY
    WORK = f"/tmp/hf-nemesis-{number}"
    TOPOLOGY = topology.Topology(NODES, {"fake-upstream": 20, **{f"client-{n}": 30 + i for i, n in enumerate(NODES)}},
                                 switch=f"n{number}-switch", prefix=f"10.{88 + number}", namespace_prefix=f"n{number}-")


instance(1)
TOLERANCE = 300
# The nodes' settings: the fault tests' (federation.py), with a repair round every 30 s so that
# convergence after the heal is bounded by a round rather than by the 5-minute default, and a
# head that failed retried after 10 s rather than 5 minutes (a profile saved while the avatar
# service was down gets its head within a round of HeadRetry after the heal; seed 105).
SETTINGS = {"ANTI_ENTROPY_INTERVAL_SECONDS": 30, "SYNC_FUTURE_TOLERANCE_SECONDS": TOLERANCE,
            "UPSTREAM_FAILURE_MEMORY_SECONDS": 10, "HEAD_RETRY_INTERVAL_SECONDS": 10}
CONVERGENCE_BOUND = 180


def neighbours(node):
    return sorted({b for a, b in LINKS if a == node} | {a for a, b in LINKS if b == node})


class Network:
    """Cuts and heals links. A node cut off has its switch port down (its packets vanish); a cut
    link or a split is a pair of blackhole routes (each end fails to send at once). Cuts of the
    same pair by overlapping faults are counted, so the pair heals when the last one ends."""

    def __init__(self, topo):
        self.topology = topo
        self.lock = threading.Lock()
        self.cuts = collections.Counter()

    def port(self, node, state):
        port = self.topology.switch_port(f"website-{node}", "br-fed")
        topology.run("ip", "-n", self.topology.switch, "link", "set", port, state)

    def route(self, node, other, verb):
        address = self.topology.addresses[f"website-{other}"]
        topology.run("ip", "-n", self.topology.ns(f"website-{node}"), "route", verb, "blackhole", f"{address}/32", check=False)

    def cut(self, x, y):
        with self.lock:
            pair = tuple(sorted((x, y)))
            self.cuts[pair] += 1
            if self.cuts[pair] == 1:
                self.route(x, y, "add")
                self.route(y, x, "add")

    def join(self, x, y):
        with self.lock:
            pair = tuple(sorted((x, y)))
            self.cuts[pair] -= 1
            if self.cuts[pair] == 0:
                self.route(x, y, "del")
                self.route(y, x, "del")

    def heal_all(self):
        with self.lock:
            for node in self.topology.nodes:
                self.port(node, "up")
                topology.run("ip", "-n", self.topology.ns(f"website-{node}"), "route", "flush", "type", "blackhole", check=False)
            self.cuts.clear()


class Run:
    def __init__(self, args):
        self.args = args
        self.federation = Federation(TOPOLOGY, WORK)
        self.network = Network(TOPOLOGY)
        self.locks = collections.defaultdict(threading.Lock)
        self.events_lock = threading.Lock()
        self.applied = []                  # (fault, applied at, healed at, error)
        self.losses = []
        self.identities = {}
        self.backups = {}                  # backup fault index -> (event, started at, path or None)
        self.settings = {**SETTINGS, **dict(setting.split("=", 1) for setting in args.setting)}
        self.replaced = {}                 # (node, neighbour, replaced id) -> state shown

    # -- processes -------------------------------------------------------------------------
    def replicas(self, node):
        return [0, 1] if node in REPLICATED else [0]

    def start(self, node, replica, **extra):
        """Starts a replica; a start that does not get ready is logged, not fatal: the checker
        judges readiness at the end."""
        try:
            self.federation.start_node(node, replica=replica, timeout=120, **{**self.settings, **extra})
        except AssertionError as error:
            self.log(f"start of website-{node} replica {replica} did not get ready: {error}")

    def kill(self, node, replica, sig=signal.SIGKILL):
        self.federation.stop(self.federation.node_key(node, replica), sig)

    def upstream(self, mode):
        self.federation.in_host("fake-upstream", "curl", "-fsS", "-X", "POST",
                                f"http://127.0.0.1:8090/control?mode={mode}", check=False)

    def log(self, text):
        line = f"[{time.time() - self.started:7.1f}s] {text}"
        print(line, flush=True)

    # -- faults ----------------------------------------------------------------------------
    def apply(self, fault):
        """Applies one fault, holds it for its duration, and heals it."""
        node = fault.targets[0] if fault.targets else None
        fed = self.federation
        if fault.kind == "isolate":
            self.network.port(node, "down")
            time.sleep(fault.seconds)
            self.network.port(node, "up")
        elif fault.kind in ("split", "cut_link"):
            if fault.kind == "split":
                pairs = [(x, y) for x in fault.targets for y in NODES if y not in fault.targets]
            else:
                pairs = [fault.targets]
            for x, y in pairs:
                self.network.cut(x, y)
            time.sleep(fault.seconds)
            for x, y in pairs:
                self.network.join(x, y)
        elif fault.kind == "kill_node":
            for replica in self.replicas(node):
                self.kill(node, replica)
            time.sleep(fault.seconds)
            for replica in self.replicas(node):
                self.start(node, replica)
        elif fault.kind == "kill_replica":
            self.kill(node, 1)
            time.sleep(fault.seconds)
            self.start(node, 1)
        elif fault.kind == "pause_db":
            pids = freeze(TOPOLOGY.ns(f"db-{node}"))
            time.sleep(fault.seconds)
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGCONT)
                except ProcessLookupError:
                    pass
        elif fault.kind == "kill_db":
            fed.stop(f"db-{node}", signal.SIGKILL)
            time.sleep(fault.seconds)
            fed.start_database(node)
        elif fault.kind == "backup":
            self.backup(fault)
        elif fault.kind == "restore_db":
            self.restore(fault)
        elif fault.kind == "wipe_db":
            self.wipe(fault)
        elif fault.kind == "clock_skew":
            self.kill(node, 0, signal.SIGTERM)
            self.start(node, 0, wrapper=("faketime", "-f", f"{fault.skew:+d}s"), FAKETIME_DONT_FAKE_MONOTONIC="1")
            time.sleep(fault.seconds)
            self.kill(node, 0, signal.SIGTERM)
            self.start(node, 0)
        elif fault.kind in ("upstream_down", "upstream_ratelimit"):
            self.upstream(fault.kind.split("_")[1])
            time.sleep(fault.seconds)
            self.upstream("normal")
        elif fault.kind == "previous_release":
            self.kill(node, 1, signal.SIGTERM)
            self.start(node, 1, binary=self.args.previous)
            time.sleep(fault.seconds)
            self.kill(node, 1, signal.SIGTERM)
            self.start(node, 1)
        else:
            raise ValueError(fault.kind)

    def backup(self, fault):
        node = fault.targets[0]
        event, path = threading.Event(), f"{WORK}/backup-{fault.index:03d}.dump"
        self.backups[fault.index] = (event, None, None)
        for _ in range(12):
            started = time.time()
            out = self.federation.in_host(f"website-{node}", f"{self.federation.bin}/pg_dump", "-h", f"db-{node}",
                                          "-U", "postgres", "-Fc", "-f", path, "postgres", check=False, timeout=60)
            if out.returncode == 0:
                self.backups[fault.index] = (event, started, path)
                break
            time.sleep(5)
        event.set()

    def replace_database(self, node):
        """Stops the node's PostgreSQL and starts an empty new cluster in its place."""
        fed = self.federation
        fed.stop(f"db-{node}", signal.SIGKILL)
        shutil.rmtree(f"{WORK}/{node}-data")
        fed.start_database(node)

    def restore(self, fault):
        node = fault.targets[0]
        event, _, _ = self.backups[fault.backup]
        event.wait(300)
        _, backup_started, path = self.backups[fault.backup]
        if path is None:
            raise RuntimeError(f"backup #{fault.backup} was not taken")
        for replica in self.replicas(node):
            self.kill(node, replica)
        # Taken once no replica is left: a lookup sent before this may have been answered (and
        # counted) by the database about to be replaced.
        restored_at = time.time()
        self.replace_database(node)
        out = self.federation.in_host(f"website-{node}", f"{self.federation.bin}/pg_restore", "-h", f"db-{node}",
                                      "-U", "postgres", "-d", "postgres", "--no-owner", path, check=False, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"pg_restore failed: {out.stderr[-500:]}")
        with self.events_lock:
            self.losses.append({"kind": "restore", "node": node, "backup_started": backup_started,
                                "restored_at": restored_at})
        time.sleep(fault.seconds)
        for replica in self.replicas(node):
            self.start(node, replica)

    def wipe(self, fault):
        node = fault.targets[0]
        old = self.identities[node][-1][1]
        for replica in self.replicas(node):
            self.kill(node, replica)
        # Taken once no replica is left: a lookup sent before this may have been answered (and
        # counted) by the old identity; one sent after it can only reach the new one.
        wiped_at = time.time()
        # What the others hold of the wiped identity's counts: all that can come back.
        known = collections.Counter()
        for other in NODES:
            if other == node:
                continue
            try:
                rows = self.federation.in_host(
                    f"website-{other}", "psql", "-h", f"db-{other}", "-U", "postgres", "-qAtX", "-F", " ", "-c",
                    f"SELECT name_key, count FROM lookup_counts WHERE origin = '{old}'", check=False, timeout=10).stdout
            except subprocess.TimeoutExpired:
                continue  # a paused database: what it holds is not counted (more is excused)
            for line in rows.split("\n"):
                if line:
                    name, count = line.split(" ")
                    known[name] = max(known[name], int(count))
        self.replace_database(node)
        time.sleep(fault.seconds)
        for replica in self.replicas(node):
            self.start(node, replica)
        new = self.federation.node_id(node)
        with self.events_lock:
            self.identities[node].append((wiped_at, new))
            self.losses.append({"kind": "wipe", "node": node, "origin": old, "wiped_at": wiped_at,
                                "known_elsewhere": dict(known)})

    def run_fault(self, fault):
        delay = self.started + fault.start - time.time()
        if delay > 0:
            time.sleep(delay)
        held = sorted(schedule.resources(fault.kind, fault.targets, REPLICATED))
        for resource in held:
            self.locks[resource].acquire()
        applied, error = time.time(), None
        try:
            self.log(f"apply {fault.describe()}")
            self.apply(fault)
        except Exception as problem:  # noqa: BLE001 - reported with the fault, and the run goes on
            error = f"{type(problem).__name__}: {problem}"
            self.log(f"fault #{fault.index:03d} failed: {error}")
        finally:
            for resource in reversed(held):
                self.locks[resource].release()
        with self.events_lock:
            self.applied.append((fault, applied - self.started, time.time() - self.started, error))

    # -- the run ---------------------------------------------------------------------------
    def set_up(self):
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        shutil.chown(WORK, "postgres", "postgres")
        os.chmod(WORK, 0o777)
        TOPOLOGY.up()
        fed = self.federation
        for node in NODES:
            fed.start_database(node)
        fed.spawn("fake-upstream", "fake-upstream", [self.args.binary, "fake-upstream", "--port", "8090"])
        for node in NODES:
            fed.write_peers(node, [f"# website-{node}'s neighbours in the nemesis ring"] +
                            [f"website-{n}" for n in neighbours(node)])
        for node in NODES:
            for replica in self.replicas(node):
                fed.start_node(node, replica=replica, timeout=120, **self.settings)
        self.identities = {node: [(0.0, fed.node_id(node))] for node in NODES}
        assert wait_until(lambda: all(self.neighbour_states(n).values() and
                                      set(self.neighbour_states(n).values()) == {"idle"} for n in NODES), 120, 1), \
            "the five nodes did not find their neighbours"

    def neighbour_states(self, node):
        """Per configured neighbour, the state of its current identity's entry on `node`'s
        /api/v1/peers ("idle" is connected and caught up), with the last error when not idle.
        Entries of identities a wipe replaced are listed apart, under "NAME (replaced ID)"."""
        out = self.federation.in_host(f"website-{node}", "curl", "-fsS", "--max-time", "5",
                                      "http://127.0.0.1:8080/api/v1/peers", check=False)
        try:
            peers = json.loads(out.stdout)["peers"]
        except ValueError:
            return {f"website-{n}": "unanswered" for n in neighbours(node)}
        states = {}
        for n in neighbours(node):
            states[f"website-{n}"] = "missing"
            current = self.identities[n][-1][1]
            entries = [p for p in peers if p["name"] == f"website-{n}"]
            entry = next((p for p in entries if p["nodeId"] == current), None)
            if entry is None:
                states[f"website-{n}"] = "missing"
            else:
                states[f"website-{n}"] = entry["state"] if entry["state"] == "idle" else \
                    f"{entry['state']} ({entry.get('lastError') or entry.get('stateReason') or 'no error given'})"
            for old in entries:
                if old["nodeId"] != current:
                    self.replaced[(node, n, old["nodeId"])] = old["state"]
                    if old["state"] != "removed":  # a wiped neighbour's old identity must not linger
                        states[f"website-{n} (replaced identity {old['nodeId'][:12]})"] = old["state"]
        return states

    def counts(self, node):
        rows = self.federation.sql(node, "SELECT origin || ' ' || name_key || ' ' || count FROM lookup_counts")
        held = {}
        for line in rows.split("\n"):
            if line:
                origin, name, count = line.split(" ")
                held[(origin, name)] = int(count)
        return held

    def profiles(self, node):
        """Name -> UUID of every profile the node holds."""
        rows = self.federation.sql(node, "SELECT name_key || ' ' || uuid FROM profiles")
        return dict(line.split(" ") for line in rows.split("\n") if line)

    def heads_served(self, node, names):
        """Name -> the status of the node's head image of that name (`/avatars/UUID.png`), as a
        page's image asks it; 0 for a name the node has no profile of."""
        uuids = self.profiles(node)
        known = [name for name in names if name in uuids]
        statuses = {name: 0 for name in names}
        for start in range(0, len(known), 100):
            batch = known[start:start + 100]
            out = self.federation.in_host(
                f"website-{node}", "curl", "-s", "--max-time", "10", "-w", "%{http_code}\n",
                *[arg for name in batch for arg in ("-o", "/dev/null", f"http://127.0.0.1:8080/avatars/{uuids[name]}.png")],
                check=False, timeout=120)
            for name, status in zip(batch, out.stdout.split()):
                statuses[name] = int(status)
        return statuses

    def settled(self):
        """Every node holds the same counts, profiles and heads. What still differs is kept in
        `self.unsettled`, for the report of a run that does not converge."""
        try:
            counts = {n: self.federation.sql(n, "SELECT count(*) || ' rows, ' || coalesce(sum(count), 0) "
                                                "|| ' lookups' FROM lookup_counts") for n in NODES}
            digests = {n: self.federation.digest(n) for n in NODES}
            heads = {n: self.federation.sql(n, "SELECT string_agg(sha256, ',' ORDER BY sha256) FROM avatars")
                     for n in NODES}
        except (subprocess.SubprocessError, OSError) as error:
            self.unsettled = f"a node's database did not answer: {error}"
            return False
        if len(set(digests.values())) != 1:
            self.unsettled = f"counts or profiles differ: {counts}"
            return False
        if len(set(heads.values())) != 1:
            self.unsettled = "heads differ: " + str({n: len((h or '').split(',')) for n, h in heads.items()})
            return False
        return True

    def execute(self):
        args = self.args
        seconds = args.minutes * 60
        faults = schedule.draw(args.seed, NODES, LINKS, REPLICATED, seconds, TOLERANCE,
                               previous_release=bool(args.previous))
        print(f"nemesis: seed {args.seed}, {len(NODES)} nodes, {args.minutes} min, {len(faults)} faults scheduled"
              + ("" if args.previous else " (no previous release binary: that fault is not drawn)"))
        for fault in faults:
            print("  " + fault.describe())
        self.set_up()
        root = os.open("/proc/self/ns/net", os.O_RDONLY)
        enter(TOPOLOGY.ns("client-a"))  # nothing this process sends may leave the test hosts
        self.started = time.time()
        until = self.started + seconds
        for node in NODES:
            ports = ",".join(str(8080 + r) for r in self.replicas(node))
            self.federation.spawn(f"visitor-{node}", f"client-{node}", [
                "python3", str(HERE / "visitor.py"), node, TOPOLOGY.addresses[f"website-{node}"], ports,
                str(args.seed), str(until), f"{WORK}/lookups-{node}.jsonl"])
        threads = [threading.Thread(target=self.run_fault, args=(fault,), daemon=True) for fault in faults]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(1, until + 300 - time.time()))
        stuck = [t for t in threads if t.is_alive()]
        for node in NODES:
            self.federation.processes[f"visitor-{node}"].wait(max(1, until + 30 - time.time()))
        # Heal: whatever a fault left behind (it heals itself; this is the backstop).
        self.network.heal_all()
        self.upstream("normal")
        for node in NODES:
            for replica in self.replicas(node):
                process = self.federation.processes.get(self.federation.node_key(node, replica))
                if process is None or process.poll() is not None:
                    self.start(node, replica)
        healed = time.time()
        # A node whose identity changed without the harness seeing it (a wipe that failed half
        # way): noted, and its new identity used from here on.
        changed = []
        for node in NODES:
            try:
                current = self.federation.node_id(node)
            except (subprocess.SubprocessError, ValueError, KeyError):
                continue
            if current != self.identities[node][-1][1]:
                self.identities[node].append((healed, current))
                changed.append(node)
        self.log("healed; waiting for the nodes to converge")
        lookups = [json.loads(line) for node in NODES for line in open(f"{WORK}/lookups-{node}.jsonl")]
        for lookup in lookups:
            lookup["sent"] -= self.started
            lookup["done"] -= self.started
        for loss in self.losses:
            for key in ("backup_started", "restored_at", "wiped_at"):
                if key in loss:
                    loss[key] -= self.started
        identities = {node: [(since - self.started if since else 0.0, id_) for since, id_ in timeline]
                      for node, timeline in self.identities.items()}
        names = sorted({lookup["name"] for lookup in lookups if lookup["status"] == 200})
        converged = wait_until(self.settled, CONVERGENCE_BOUND, 1)
        convergence = time.time() - healed
        # Neighbours reconnect within a discovery round and a backoff (at most 30 s).
        wait_until(lambda: all(set(self.neighbour_states(n).values()) == {"idle"} for n in NODES), 60, 1)
        with open(f"{WORK}/history.json", "w") as file:  # what the checker judges, for a failure's sake
            json.dump({"identities": identities, "losses": self.losses,
                       "applied": [(f.describe(), at, healed, error) for f, at, healed, error in self.applied]}, file)
        self.describe_unready()
        report = checker.check(
            lookups, identities, self.losses,
            counts={node: self.counts(node) for node in NODES},
            profiles={node: self.profiles(node) for node in NODES},
            heads={node: self.heads_served(node, names) for node in NODES},
            ready={self.federation.node_key(n, r): self.federation.ready(n, r) for n in NODES for r in self.replicas(n)},
            neighbours={node: self.neighbour_states(node) for node in NODES})
        if changed:
            report.failures.append(f"identities changed unseen by the harness: {changed}")
        if stuck:
            report.failures.append(f"{len(stuck)} faults did not finish within 5 minutes of the end")
        enter(f"/proc/self/fd/{root}")
        return faults, report, converged, convergence, lookups

    def describe_unready(self):
        """For each node process not ready after the heal, what it was doing, kept in the run's
        directory (`unready-KEY.txt`): its /readyz answer, its TCP connections with their timers
        and queues (to its database above all), its threads' states, and whether its database
        answers from its host. Seed 110 left a node not ready whose log said nothing."""
        for node in NODES:
            for replica in self.replicas(node):
                key = self.federation.node_key(node, replica)
                if self.federation.ready(node, replica):
                    continue
                process = self.federation.processes.get(key)
                pid = process.pid if process and process.poll() is None else None
                host = f"website-{node}"
                parts = [
                    ("readyz", ["curl", "-s", "-i", "--max-time", "5", f"http://127.0.0.1:{8080 + replica}/readyz"]),
                    ("tcp", ["ss", "-tnpoi"]),
                    ("database", ["psql", "-h", f"db-{node}", "-U", "postgres", "-qAtX", "-c",
                                  "SELECT pid, state, wait_event_type, wait_event, left(query, 80) "
                                  "FROM pg_stat_activity WHERE backend_type = 'client backend'"]),
                ]
                try:  # a description that fails must not fail the run
                    with open(f"{WORK}/unready-{key}.txt", "w") as file:
                        file.write(f"{key}: pid {pid}\n")
                        for title, command in parts:
                            out = self.federation.in_host(host, *command, check=False, timeout=20)
                            file.write(f"--- {title}\n{out.stdout}{out.stderr}\n")
                        if pid:
                            threads = subprocess.run(["ps", "-L", "-o", "tid,stat,wchan:32,comm", "-p", str(pid)],
                                                     capture_output=True, text=True, check=False)
                            file.write(f"--- threads\n{threads.stdout}\n")
                    self.log(f"{key} not ready after the heal: its state is in {WORK}/unready-{key}.txt")
                except (OSError, subprocess.SubprocessError) as error:
                    self.log(f"{key} not ready after the heal; describing it failed: {error}")

    def summarise(self, faults, report, converged, convergence):
        if not converged:
            report.failures.insert(0, f"the nodes did not converge within {CONVERGENCE_BOUND} s of the heal "
                                      f"(at the bound: {getattr(self, 'unsettled', 'unknown')})")
        applied = collections.Counter(fault.kind for fault, _, _, error in self.applied if not error)
        failed = [(fault, error) for fault, _, _, error in self.applied if error]
        result = {
            "seed": self.args.seed, "minutes": self.args.minutes, "passed": report.passed,
            "faults_applied": dict(sorted(applied.items())), "faults_failed": len(failed),
            "lookups_acknowledged": report.acknowledged, "lookups_sent": report.attempted,
            "acknowledged_lost_to_restores_and_wipes": report.lost_to_restores,
            "excused_by_restores_and_wipes": report.excused,
            "names_excused_by_restores_and_wipes": report.names_excused,
            "heal_to_convergence_seconds": round(convergence, 1) if converged else None,
            "convergence_bound_seconds": CONVERGENCE_BOUND, "failures": report.failures,
            "replaced_identities_shown_as": dict(collections.Counter(self.replaced.values())),
        }
        print(json.dumps(result, indent=1))
        with open(f"{WORK}/report.json", "w") as file:
            json.dump(result, file, indent=1)
        if self.args.results:
            with open(self.args.results, "a") as file:
                file.write(json.dumps(result) + "\n")
        if failed:
            print("faults that could not be applied as drawn:")
            for fault, error in failed:
                print(f"  {fault.describe()}: {error}")
        if not result["passed"]:
            print(f"NEMESIS FAILED: seed {self.args.seed}; replay with scripts/nemesis --seed {self.args.seed} "
                  f"--minutes {self.args.minutes}. The schedule:")
            for fault, at, healed, error in sorted(self.applied, key=lambda a: a[0].index):
                print(f"  {fault.describe()}  applied {at:.1f}s healed {healed:.1f}s{' ' + error if error else ''}")
            for failure in report.failures:
                print("  " + failure)
        return result["passed"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--binary", default=os.environ.get("WEBSITE_BIN", ".build/debug/website"))
    parser.add_argument("--previous", default=os.environ.get("PREVIOUS_WEBSITE_BIN"))
    parser.add_argument("--results", help="a file each run's summary is appended to, one JSON line")
    parser.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                        help="a node setting for this run (ANTI_ENTROPY_INTERVAL_SECONDS=0 leaves the feed alone)")
    parser.add_argument("--instance", type=int, default=1, choices=range(1, 10),
                        help="runs of different instances can go on side by side (default 1)")
    args = parser.parse_args()
    instance(args.instance)
    args.binary = os.path.realpath(args.binary)
    if args.previous:
        args.previous = os.path.realpath(args.previous)
    if os.geteuid() != 0:
        sys.exit("nemesis: needs root (network namespaces)")
    run = Run(args)
    import federation
    federation.BINARY = args.binary
    try:
        faults, report, converged, convergence, _ = run.execute()
        passed = run.summarise(faults, report, converged, convergence)
        if not passed:  # keep the history and the logs (not the databases) for the next run's sake
            kept = f"{WORK}-seed{args.seed}"
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(WORK, kept, ignore=shutil.ignore_patterns("*-data", "*-socket", "*.dump"))
            print(f"nemesis: the history and logs of this run are in {kept}")
    finally:
        for key in list(run.federation.processes):
            run.federation.stop(key, signal.SIGKILL)
        TOPOLOGY.down()
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
