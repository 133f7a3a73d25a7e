"""The compose file's networks as Linux network namespaces, for tests on separate hosts.

One namespace per host: a node's web process (`website-X`), its PostgreSQL (`db-X`), and the
extra hosts a test needs (fake-upstream, clients, a hostile neighbour). A switch namespace holds
the bridges (the federation network, and one internal network per node) so the root namespace
is untouched. Names resolve through /etc/netns/HOST/hosts, which `ip netns exec` mounts over
/etc/hosts; `website` resolves to every node (a scaled service). Each database is reachable
from its own node only.

The fault tests use the three-node topology below (module-level names); the nemesis builds a
five-node one with a client host per node.
"""
import os
import pathlib
import subprocess


def run(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


def exists(namespace):
    return namespace in run("ip", "netns", "list").stdout.split()


class Topology:
    def __init__(self, nodes, extras, switch="hf-switch", prefix="10.88", namespace_prefix=""):
        self.nodes = list(nodes)
        self.namespace_prefix = namespace_prefix
        self.switch = switch
        self.prefix = prefix
        federation = f"{prefix}.0"
        self.addresses = {
            **{f"website-{n}": f"{federation}.{11 + i}" for i, n in enumerate(self.nodes)},
            **{host: f"{federation}.{last}" for host, last in extras.items()},
        }
        self.databases = {f"db-{n}": f"{self.internal(n)}.2" for n in self.nodes}
        self.hosts = list(self.addresses) + list(self.databases)
        self.clients = [host for host in extras if host.startswith(("client", "hostile"))]

    def ns(self, host):
        """The namespace of a host (a prefix keeps two topologies on one machine apart)."""
        return self.namespace_prefix + host

    def internal(self, node):
        return f"{self.prefix}.{self.nodes.index(node) + 1}"

    def hosts_file(self, host):
        lines = ["127.0.0.1 localhost", f"{self.addresses.get(host) or self.databases[host]} {host}"]
        if host.startswith("db-"):
            return lines
        lines += [f"{address} {name}" for name, address in self.addresses.items()
                  if name != host and name not in self.clients]
        lines += [f"{self.addresses[f'website-{n}']} website" for n in self.nodes]  # one name, several addresses
        if host.startswith("website-"):
            node = host[len("website-"):]
            lines.append(f"{self.databases[f'db-{node}']} db-{node}")  # only its own database
        return lines

    @staticmethod
    def switch_port(host, bridge):
        """The bridge-side interface of a host's link (set it down to cut the host off)."""
        short = host.replace("website-", "w").replace("db-", "d").replace("client-", "c").replace("fake-upstream", "up")
        return f"{short[:6]}-{bridge[-3:]}"

    def link(self, host, bridge, address, name):
        short = self.switch_port(host, bridge)
        namespace = self.ns(host)
        run("ip", "link", "add", name, "netns", namespace, "type", "veth", "peer", "name", short, "netns", self.switch)
        run("ip", "-n", self.switch, "link", "set", short, "master", bridge, "up")
        run("ip", "-n", namespace, "addr", "add", f"{address}/24", "dev", name)
        run("ip", "-n", namespace, "link", "set", name, "up")

    def up(self):
        self.down()
        run("ip", "netns", "add", self.switch)
        run("ip", "-n", self.switch, "link", "set", "lo", "up")
        for bridge in ["br-fed"] + [f"br-{n}" for n in self.nodes]:
            run("ip", "-n", self.switch, "link", "add", bridge, "type", "bridge")
            run("ip", "-n", self.switch, "link", "set", bridge, "up")
        for host in self.hosts:
            run("ip", "netns", "add", self.ns(host))
            run("ip", "-n", self.ns(host), "link", "set", "lo", "up")
            folder = pathlib.Path("/etc/netns") / self.ns(host)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "hosts").write_text("\n".join(self.hosts_file(host)) + "\n")
        for host, address in self.addresses.items():
            self.link(host, "br-fed", address, "eth0")
        for n in self.nodes:
            self.link(f"website-{n}", f"br-{n}", f"{self.internal(n)}.11", "eth1")
            self.link(f"db-{n}", f"br-{n}", self.databases[f"db-{n}"], "eth0")

    def down(self):
        for namespace in [self.ns(host) for host in self.hosts] + [self.switch]:
            if exists(namespace):
                for pid in run("ip", "netns", "pids", namespace, check=False).stdout.split():
                    if int(pid) == os.getpid():
                        continue
                    try:
                        os.kill(int(pid), 9)
                    except ProcessLookupError:
                        pass
                run("ip", "netns", "del", namespace, check=False)
            folder = pathlib.Path("/etc/netns") / namespace
            if folder.exists():
                for file in folder.iterdir():
                    file.unlink()
                folder.rmdir()

    def leftovers(self):
        """Namespaces or hosts files of the topology that still exist."""
        namespaces = [self.ns(host) for host in self.hosts]
        names = [namespace for namespace in namespaces + [self.switch] if exists(namespace)]
        names += [str(path) for path in (pathlib.Path("/etc/netns") / n for n in namespaces) if path.exists()]
        return names


# The fault tests' federation: three nodes, the fake profile service, a client and a hostile host.
FAULT_TESTS = Topology(["a", "b", "c"], {"fake-upstream": 20, "client": 30, "hostile": 40})
SWITCH = FAULT_TESTS.switch
NODES = FAULT_TESTS.nodes
ADDRESSES = FAULT_TESTS.addresses
DATABASES = FAULT_TESTS.databases
HOSTS = FAULT_TESTS.hosts
switch_port = FAULT_TESTS.switch_port
up = FAULT_TESTS.up
down = FAULT_TESTS.down
leftovers = FAULT_TESTS.leftovers

if __name__ == "__main__":
    import sys

    {"up": up, "down": down}[sys.argv[1]]()
