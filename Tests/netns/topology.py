"""The compose file's networks as Linux network namespaces, for tests on separate hosts.

One namespace per compose service (website-a/b/c, db-a/b/c) plus fake-upstream, client and
hostile; a `hf-switch` namespace holds the bridges (federation, internal-a/b/c) so the root
namespace is untouched. Names resolve through /etc/netns/HOST/hosts, which `ip netns exec`
mounts over /etc/hosts; `website` resolves to all three nodes (a scaled service).
"""
import os
import pathlib
import subprocess

SWITCH = "hf-switch"
FEDERATION = "10.88.0"
NODES = ["a", "b", "c"]


def internal(node):
    return f"10.88.{NODES.index(node) + 1}"


ADDRESSES = {
    **{f"website-{n}": f"{FEDERATION}.{11 + i}" for i, n in enumerate(NODES)},
    "fake-upstream": f"{FEDERATION}.20",
    "client": f"{FEDERATION}.30",
    "hostile": f"{FEDERATION}.40",
}
DATABASES = {f"db-{n}": f"{internal(n)}.2" for n in NODES}
HOSTS = list(ADDRESSES) + list(DATABASES)


def run(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


def exists(namespace):
    return namespace in run("ip", "netns", "list").stdout.split()


def hosts_file(host):
    lines = ["127.0.0.1 localhost", f"{ADDRESSES.get(host) or DATABASES[host]} {host}"]
    if host.startswith("db-"):
        return lines
    lines += [f"{address} {name}" for name, address in ADDRESSES.items() if name not in (host, "client", "hostile")]
    lines += [f"{ADDRESSES[f'website-{n}']} website" for n in NODES]  # one name, several addresses
    if host.startswith("website-"):
        node = host[-1]
        lines.append(f"{DATABASES[f'db-{node}']} db-{node}")  # only its own database
    return lines


def link(host, bridge, address, name):
    short = f"{host.replace('website-', 'w').replace('db-', 'd')[:6]}-{bridge[-3:]}"
    run("ip", "link", "add", name, "netns", host, "type", "veth", "peer", "name", short, "netns", SWITCH)
    run("ip", "-n", SWITCH, "link", "set", short, "master", bridge, "up")
    run("ip", "-n", host, "addr", "add", f"{address}/24", "dev", name)
    run("ip", "-n", host, "link", "set", name, "up")
    return short


def switch_port(host, bridge):
    """The bridge-side interface of a host's link (set it down to cut the host off)."""
    return f"{host.replace('website-', 'w').replace('db-', 'd')[:6]}-{bridge[-3:]}"


def up():
    down()
    run("ip", "netns", "add", SWITCH)
    run("ip", "-n", SWITCH, "link", "set", "lo", "up")
    for bridge in ["br-fed"] + [f"br-{n}" for n in NODES]:
        run("ip", "-n", SWITCH, "link", "add", bridge, "type", "bridge")
        run("ip", "-n", SWITCH, "link", "set", bridge, "up")
    for host in HOSTS:
        run("ip", "netns", "add", host)
        run("ip", "-n", host, "link", "set", "lo", "up")
        folder = pathlib.Path("/etc/netns") / host
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "hosts").write_text("\n".join(hosts_file(host)) + "\n")
    for host, address in ADDRESSES.items():
        link(host, "br-fed", address, "eth0")
    for n in NODES:
        link(f"website-{n}", f"br-{n}", f"{internal(n)}.11", "eth1")
        link(f"db-{n}", f"br-{n}", DATABASES[f"db-{n}"], "eth0")


def down():
    for host in HOSTS + [SWITCH]:
        if exists(host):
            for pid in run("ip", "netns", "pids", host, check=False).stdout.split():
                if int(pid) == os.getpid():
                    continue
                try:
                    os.kill(int(pid), 9)
                except ProcessLookupError:
                    pass
            run("ip", "netns", "del", host, check=False)
        folder = pathlib.Path("/etc/netns") / host
        if folder.exists():
            for file in folder.iterdir():
                file.unlink()
            folder.rmdir()


def leftovers():
    """Namespaces or hosts files of the topology that still exist."""
    names = [host for host in HOSTS + [SWITCH] if exists(host)]
    names += [str(path) for path in (pathlib.Path("/etc/netns") / host for host in HOSTS) if path.exists()]
    return names


if __name__ == "__main__":
    import sys

    {"up": up, "down": down}[sys.argv[1]]()
