"""A federation of nodes as separate processes on separate hosts (network namespaces, see
topology.py): one PostgreSQL per node on the node's internal network, started, signalled and
queried from the host that may reach them. Used by the fault tests (conftest.py) and the nemesis
(Tests/nemesis)."""
import ctypes
import json
import os
import shutil
import signal
import subprocess
import pathlib
import sys

import topology

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from processes import get, wait_until  # noqa: E402,F401

WORK = "/tmp/hf-netns"
BINARY = os.path.realpath(os.environ.get("WEBSITE_BIN", ".build/debug/website"))
CLONE_NEWNET = 0x40000000


def pg_bin():
    for version in ("17", "16", "15"):
        path = f"/usr/lib/postgresql/{version}/bin"
        if os.path.exists(f"{path}/postgres"):
            return path
    raise RuntimeError("PostgreSQL is not installed")


def url(node, path="", topo=topology.FAULT_TESTS, port=8080):
    return f"http://{topo.addresses['website-' + node]}:{port}{path}"


def enter(namespace):
    """Moves this process's network namespace (a name under /run/netns, or a path)."""
    fd = os.open(namespace if namespace.startswith("/") else f"/run/netns/{namespace}", os.O_RDONLY)
    try:
        if ctypes.CDLL("libc.so.6", use_errno=True).setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns")
    finally:
        os.close(fd)


def group_alive(group):
    """Whether a process of the group is still running (zombies, which init may never reap
    here, do not count)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def signal_group(group, sig):
    """Signals every process of the group; one that has just ended is not an error."""
    try:
        os.killpg(group, sig)
    except ProcessLookupError:
        pass


def freeze(namespace):
    """Stops every process in `namespace` with SIGSTOP, listing them again until no new one appears:
    the postmaster may fork a backend or an autovacuum worker between a listing and its own stop,
    and that child would go on answering. Returns the stopped pids."""
    stopped = set()
    for _ in range(50):
        listed = {int(pid) for pid in subprocess.run(["ip", "netns", "pids", namespace], capture_output=True,
                                                     text=True).stdout.split()}
        new = listed - stopped
        if not new:
            return stopped
        for pid in new:
            try:
                os.kill(pid, signal.SIGSTOP)
            except ProcessLookupError:
                pass
        stopped |= new
    raise AssertionError(f"processes in {namespace} kept appearing")


class Federation:
    def __init__(self, topo=topology.FAULT_TESTS, work=WORK):
        self.topology = topo
        self.work = work
        self.processes = {}
        self.bin = pg_bin()
        self.figures = {}

    def figure(self, name, value):
        """Records a measured figure; scripts/netns-test prints them all at the end."""
        self.figures[name] = value
        with open(f"{self.work}/figures.json", "w") as file:
            json.dump(self.figures, file, indent=1)

    # -- processes -------------------------------------------------------------------------
    def spawn(self, key, namespace, args, env=None, user=None):
        command = ["ip", "netns", "exec", self.topology.ns(namespace)]
        if user:
            command += ["runuser", "-u", user, "--"]
        log = open(f"{self.work}/{key}.log", "ab")
        self.processes[key] = subprocess.Popen(command + args, env={**os.environ, **(env or {})}, stdout=log,
                                               stderr=subprocess.STDOUT, start_new_session=True)
        return self.processes[key]

    def send_signal(self, key, sig):
        process = self.processes[key]
        if process.poll() is None:
            signal_group(process.pid, sig)

    def stop(self, key, sig=signal.SIGTERM):
        """Signals the process's whole group and waits until no process of it is left: a wrapper
        (faketime forks the node and exits on the signal at once) can end long before the node
        it started, which would still hold the port the next start needs."""
        process = self.processes.get(key)
        if not process:
            return
        if process.poll() is None or group_alive(process.pid):
            signal_group(process.pid, sig)
            if not wait_until(lambda: process.poll() is not None and not group_alive(process.pid), 15, 0.05):
                signal_group(process.pid, signal.SIGKILL)
                process.wait()
                assert wait_until(lambda: not group_alive(process.pid), 10, 0.05), f"{key} survived SIGKILL"

    def in_host(self, namespace, *args, check=True, timeout=30):
        return subprocess.run(["ip", "netns", "exec", self.topology.ns(namespace), *args], capture_output=True, text=True,
                              check=check, timeout=timeout)

    # -- databases -------------------------------------------------------------------------
    def start_database(self, node):
        host, data = f"db-{node}", f"{self.work}/{node}-data"
        address = self.topology.databases[host]
        if not os.path.exists(data):
            subprocess.run(["runuser", "-u", "postgres", "--", f"{self.bin}/initdb", "-D", data, "-U", "postgres",
                            "--auth=trust"], check=True, capture_output=True)
            with open(f"{data}/pg_hba.conf", "a") as file:
                file.write(f"host all all {self.topology.prefix}.0.0/16 trust\n")
        sockets = f"{self.work}/{node}-socket"
        self.remove_stale_locks(data, sockets)
        os.makedirs(sockets, exist_ok=True)
        shutil.chown(sockets, "postgres", "postgres")
        self.spawn(host, host, [f"{self.bin}/postgres", "-D", data, "-c", f"listen_addresses={address}",
                                "-k", sockets, "-c", "fsync=off", "-c", "max_connections=200"], user="postgres")
        assert wait_until(lambda: self.in_host(host, f"{self.bin}/pg_isready", "-q", "-U", "postgres", "-h", address,
                                                check=False).returncode == 0, 30), f"{host} did not start"

    @staticmethod
    def remove_stale_locks(data, sockets):
        """After a SIGKILL the postmaster's lock files stay, naming a pid that may live on as a
        zombie (nothing reaps it in a container without an init), which PostgreSQL takes for a
        running postmaster and refuses to start. With no live process left (`stop` waited for
        that), the locks are stale: an init would have reaped the zombie and PostgreSQL would
        remove them itself."""
        for lock in (f"{data}/postmaster.pid", f"{sockets}/.s.PGSQL.5432.lock"):
            try:
                with open(lock) as file:
                    pid = int(file.readline().strip() or 0)
            except (OSError, ValueError):
                continue
            try:
                with open(f"/proc/{pid}/stat") as file:
                    alive = file.read().rsplit(")", 1)[1].split()[0] != "Z"
            except OSError:
                alive = False
            if not alive:
                os.unlink(lock)

    def sql(self, node, query):
        """Runs SQL on a node's database from the node's own host (the only one that reaches it)."""
        out = self.in_host(f"website-{node}", "psql", "-h", f"db-{node}", "-U", "postgres", "-qAtX", "-c", query)
        return out.stdout.strip()

    # -- nodes -----------------------------------------------------------------------------
    def start_node(self, node, wrapper=(), replica=0, binary=None, timeout=60, wait=True, **settings):
        """Starts a node's web process (replica N listens on port 8080 + N, sharing the node's
        database) and, unless `wait` is false, waits until it says ready, asked from the node's
        own host so that a cut link does not matter."""
        port = 8080 + replica
        env = {
            "HTTP_HOST": "0.0.0.0", "HTTP_PORT": str(port), "NODE_NAME": f"website-{node}",
            "DATABASE_URL": f"postgres://postgres@db-{node}:5432/postgres",
            "MOJANG_API_URL": "http://fake-upstream:8090", "AVATAR_URL": "http://fake-upstream:8090/avatar",
            "PEERS_FILE": f"{self.work}/peers-{node}", "DISCOVERY_INTERVAL_SECONDS": "1", "SYNC_WAIT_SECONDS": "5",
            "SYNC_TIMEOUT_SECONDS": "3", "HTTP_IDLE_TIMEOUT": "2", "LOG_LEVEL": "warning",
            # The fault tests' visitors are few clients looking up many new names.
            "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "1000000",
        }
        env.update({key: str(value) for key, value in settings.items()})
        key = self.node_key(node, replica)
        self.spawn(key, f"website-{node}", [*wrapper, binary or BINARY], env)
        if wait:
            process, seen = self.processes[key], []
            # Ready once is enough: a fault may take the database away again right after.
            wait_until(lambda: process.poll() is not None or (self.ready(node, replica) and not seen.append(1)),
                       timeout, 0.1)
            assert seen or process.poll() is None, f"{key} exited while starting:\n{self.log_tail(key)}"
            assert seen, f"{key} not ready"

    @staticmethod
    def node_key(node, replica=0):
        return f"website-{node}" if replica == 0 else f"website-{node}.{replica}"

    def ready(self, node, replica=0):
        out = self.in_host(f"website-{node}", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "2",
                           f"http://127.0.0.1:{8080 + replica}/readyz", check=False)
        return out.stdout == "200"

    def restart_node(self, node, sig=signal.SIGTERM, **settings):
        self.stop(f"website-{node}", sig)
        self.start_node(node, **settings)

    def write_peers(self, node, entries):
        with open(f"{self.work}/peers-{node}", "w") as file:
            file.write("\n".join(entries) + "\n")

    def digest(self, node):
        return self.sql(node, """
            SELECT coalesce(string_agg(origin || ':' || name_key || ':' || count, ',' ORDER BY origin, name_key), '')
            FROM lookup_counts""") + "|" + self.sql(node, """
            SELECT coalesce(string_agg(name_key || ':' || uuid || ':' || resolved_at || ':' || origin, ','
                ORDER BY name_key), '') FROM profiles""")

    def converged(self, timeout=60):
        if wait_until(lambda: len({self.digest(n) for n in self.topology.nodes}) == 1, timeout, 0.5):
            return True
        for node in self.topology.nodes:  # what each node thinks of its neighbours, for the failure report
            peers = json.loads(get(url(node, "/api/v1/peers", self.topology))[1])["peers"]
            print(node, [(p["name"], p["state"], p["lastError"] if "lastError" in p else "") for p in peers])
            print(node, self.digest(node)[:300])
        return False

    def total(self, node, name):
        return int(self.sql(node, f"SELECT coalesce(sum(count), 0) FROM lookup_counts WHERE name_key = '{name}'"))

    def node_id(self, node):
        out = self.in_host(f"website-{node}", "curl", "-fsS", "--max-time", "5", "http://127.0.0.1:8080/api/v1/node")
        return json.loads(out.stdout)["nodeId"]

    def lookup(self, node, name):
        """A lookup on a node, from a host that can still reach it: the client, or (when the node
        is cut off) the node's own host over loopback. Returns whether it was acknowledged."""
        out = self.in_host(f"website-{node}", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                           "--max-time", "10", f"http://127.0.0.1:8080/heads/{name}", check=False)
        if out.stdout.startswith("200 "):
            return True
        # Why, for the failure report: the answer (000: none within 10 s) and the node's last log lines.
        print(f"lookup of {name} on website-{node}: status and seconds {out.stdout!r}")
        process = self.processes.get(f"website-{node}")
        print(f"website-{node}'s process: exit status {process.poll() if process else 'not started'}")
        print(self.in_host(f"website-{node}", "ss", "-ltnp", check=False).stdout)
        print(self.log_tail(f"website-{node}"))
        return False

    def log_tail(self, key, lines=30):
        with open(f"{self.work}/{key}.log", errors="replace") as log:
            return "".join(log.readlines()[-lines:])


