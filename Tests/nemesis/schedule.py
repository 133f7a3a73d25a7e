"""The nemesis's fault schedule, drawn from a seed: which fault starts when, on what, for how
long. Pure (no I/O), so the same seed always gives the same schedule and a failed run can be
replayed exactly.

Faults overlap. Two faults never act on the same resource at once (a node's processes, its
database, a link, the profile service): the generator keeps each resource's planned end and
draws again when the resource is taken. Data-losing faults follow two rules so that the checker
can say exactly what may be lost:
- a restore uses a backup of the same node taken earlier in the run;
- a wipe (a new empty database: a new identity) makes every earlier backup unusable, because
  restoring one of them would bring an old identity or old records back from before the wipe.
"""
import dataclasses
import random

# Every fault the nemesis knows, with the resources it holds (by role, resolved per target below).
KINDS = (
    "isolate",             # one node cut off from the federation network
    "split",               # the federation split in two groups
    "cut_link",            # one neighbour link cut, both ways
    "kill_node",           # SIGKILL of every process of a node, restarted after the pause
    "kill_replica",        # SIGKILL of one of a node's two replicas, restarted after the pause
    "pause_db",            # the node's PostgreSQL frozen (SIGSTOP) for the duration
    "kill_db",             # the node's PostgreSQL killed (SIGKILL), restarted after the pause
    "backup",              # pg_dump of the node's database (prepares a later restore)
    "restore_db",          # the node's database replaced by an earlier backup of it
    "wipe_db",             # the node's database replaced by an empty one (a new identity)
    "clock_skew",          # the node's first replica restarted with its clock shifted
    "upstream_down",       # the profile and avatar service answering 500
    "upstream_ratelimit",  # the profile service answering 429
    "previous_release",    # a replica restarted as the previous release's binary
)


@dataclasses.dataclass(frozen=True)
class Fault:
    index: int
    start: float           # seconds after the run's start
    kind: str
    targets: tuple         # node letters (split: the first group; cut_link: the two ends)
    seconds: float         # how long the fault lasts (kills and restores: the time down)
    skew: int = 0          # clock_skew: seconds added to the node's clock
    backup: int = -1       # restore_db: the index of the backup fault it restores

    def describe(self):
        text = f"#{self.index:03d} t={self.start:6.1f}s {self.kind:<18} {','.join(self.targets):<6} {self.seconds:4.1f}s"
        if self.kind == "clock_skew":
            text += f" skew {self.skew:+d}s"
        if self.kind == "restore_db":
            text += f" from backup #{self.backup:03d}"
        return text


def resources(kind, targets, replicated):
    node = targets[0] if targets else None
    return {
        "isolate": {f"net:{node}"},
        "split": {"net:split"},
        "cut_link": {f"link:{'-'.join(sorted(targets))}"},
        "kill_node": {f"proc:{node}.0", f"proc:{node}.1"} if node in replicated else {f"proc:{node}.0"},
        "kill_replica": {f"proc:{node}.1"},
        "pause_db": {f"db:{node}"},
        "kill_db": {f"db:{node}"},
        "backup": {f"db:{node}"},
        "restore_db": {f"db:{node}", f"proc:{node}.0", f"proc:{node}.1"},
        "wipe_db": {f"db:{node}", f"proc:{node}.0", f"proc:{node}.1"},
        "clock_skew": {f"proc:{node}.0"},
        "upstream_down": {"upstream"},
        "upstream_ratelimit": {"upstream"},
        "previous_release": {f"proc:{node}.1"},
    }[kind]


# How often each kind is drawn, relative to 1: wipes less (each makes a new identity and spoils
# every backup), backups and restores more (a restore needs a backup of its node since the last wipe).
WEIGHTS = {"wipe_db": 0.3, "backup": 1.5, "restore_db": 2}

# Planned seconds a fault's own work takes beyond its duration (a restore dumps and loads).
WORK_SECONDS = {"backup": 5, "restore_db": 20, "wipe_db": 15, "kill_node": 10, "kill_replica": 10, "kill_db": 5,
                "clock_skew": 10, "previous_release": 10}


def draw(seed, nodes, links, replicated, seconds, tolerance, previous_release=False):
    """The schedule of a run of `seconds` over `nodes` (letters) joined by `links` (pairs), where
    the nodes in `replicated` run two replicas. Faults start from 5 s in, one every 1-5 s, until
    15 s before the end; `tolerance` is the nodes' SYNC_FUTURE_TOLERANCE_SECONDS."""
    rng = random.Random(seed)
    kinds = [k for k in KINDS if k != "previous_release" or (previous_release and replicated)]
    busy = {}          # resource -> planned end
    backups = {}       # node -> indices of usable backups
    faults = []
    t = 5.0
    while t < seconds - 15:
        t = round(t, 1)
        for _ in range(20):
            kind = rng.choices(kinds, [WEIGHTS.get(k, 1) for k in kinds])[0]
            candidates = replicated if kind in ("kill_replica", "previous_release") else nodes
            node = rng.choice(sorted(candidates))
            targets, extra = (node,), {}
            duration = round(rng.uniform(2, 12), 1)
            if kind == "split":
                size = rng.randint(1, len(nodes) // 2)
                targets = tuple(sorted(rng.sample(nodes, size)))
                if size == 1:
                    targets = tuple(sorted(rng.sample(nodes, 2)))
            elif kind == "cut_link":
                targets = tuple(rng.choice(sorted(links)))
            elif kind in ("kill_node", "kill_replica", "kill_db", "restore_db", "wipe_db"):
                duration = round(rng.uniform(0, 4), 1)
            elif kind in ("upstream_down", "upstream_ratelimit"):
                targets = ()
            elif kind == "backup":
                duration = 0.0
            elif kind == "clock_skew":
                extra["skew"] = rng.choice([-1, 1]) * rng.randint(tolerance // 10, tolerance * 2 // 3)
            if kind == "restore_db":
                if not backups.get(node):
                    continue
                extra["backup"] = rng.choice(backups[node])
            held = resources(kind, targets, replicated)
            if any(busy.get(r, 0) > t for r in held):
                continue
            end = t + duration + WORK_SECONDS.get(kind, 0)
            for r in held:
                busy[r] = end
            fault = Fault(len(faults), t, kind, targets, duration, **extra)
            faults.append(fault)
            if kind == "backup":
                backups.setdefault(node, []).append(fault.index)
            if kind == "wipe_db":
                backups = {}
            break
        t += rng.uniform(1, 5)
    return faults
