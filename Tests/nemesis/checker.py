"""The nemesis's checker: what the federation holds after a run, judged against the history of
what visitors were told. Pure (no I/O): the runner gathers the history and the final state, and
the unit tests feed it made-up ones.

The history:
- `lookups`: every lookup a visitor sent, as {node, name, sent, done, status}; status 200 means
  acknowledged (the page said it counted the lookup), anything else (an error, a timeout, no
  answer) means attempted: it may or may not have been counted.
- `identities`: per node, [(since, node id)]: a node's origin id, which changes when its database
  is wiped.
- `losses`: the data-losing faults, as {kind: "restore", node, backup_started, restored_at} or
  {kind: "wipe", node, origin, wiped_at, known_elsewhere: {name: count}} (what the other nodes
  held of the wiped identity's counts when it was wiped).

The rules (docs/testing.md, "The nemesis"):
- Nothing acknowledged is lost: every node's count for (origin, name) is at least the lookups of
  that name acknowledged by that origin, except those a restore or a wipe of the origin's own
  database may take with it (acknowledged after the backup was taken and before the restore; or
  not yet held by any other node at the wipe). The report says how many of those were lost.
- Nothing is counted twice: no count exceeds the lookups of that name sent to that origin.
- Everyone converges: every node holds the same counts.
- Every name acknowledged anywhere has its profile on every node, and every node shows its head
  (`/avatars/UUID.png` answers 200, as the image of the name's page asks it); except a name whose
  every acknowledged lookup is one a restore or wipe may take.
- Every process is ready, and every node's neighbours are connected (idle: caught up); a
  neighbour's identity that a wipe replaced is shown as removed.
"""
import bisect
import collections
import dataclasses


@dataclasses.dataclass
class Report:
    failures: list = dataclasses.field(default_factory=list)
    acknowledged: int = 0
    attempted: int = 0
    lost_to_restores: int = 0
    excused: int = 0
    names_excused: int = 0

    @property
    def passed(self):
        return not self.failures


def origin_of(identities, node, sent):
    """The origin id of `node` when a lookup was sent at `sent`."""
    timeline = identities[node]
    index = bisect.bisect_right([since for since, _ in timeline], sent) - 1
    return timeline[max(index, 0)][1]


def tally(lookups, identities):
    """(acknowledged, attempted): per (origin, name), the lookups acknowledged by and sent to it."""
    acknowledged, attempted = collections.Counter(), collections.Counter()
    for lookup in lookups:
        key = (origin_of(identities, lookup["node"], lookup["sent"]), lookup["name"])
        attempted[key] += 1
        if lookup["status"] == 200:
            acknowledged[key] += 1
    return acknowledged, attempted


def excused(lookups, identities, losses):
    """Per (origin, name), how many acknowledged lookups a restore or wipe of the origin's own
    database may have taken with it."""
    allowed = collections.Counter()
    for loss in losses:
        node = loss["node"]
        if loss["kind"] == "restore":
            for lookup in lookups:
                if (lookup["node"] == node and lookup["status"] == 200 and lookup["done"] >= loss["backup_started"]
                        and lookup["sent"] <= loss["restored_at"]):
                    allowed[(origin_of(identities, node, lookup["sent"]), lookup["name"])] += 1
        elif loss["kind"] == "wipe":
            before = collections.Counter(
                lookup["name"] for lookup in lookups
                if lookup["node"] == node and lookup["status"] == 200 and lookup["sent"] <= loss["wiped_at"]
                and origin_of(identities, node, lookup["sent"]) == loss["origin"])
            for name, count in before.items():
                allowed[(loss["origin"], name)] += max(0, count - loss["known_elsewhere"].get(name, 0))
    return allowed


def check(lookups, identities, losses, counts, profiles, heads, ready, neighbours):
    """`counts`: per node, {(origin, name): count}; `profiles`: per node, the names it holds a
    profile of; `heads`: per node, {name: status of its head image};
    `ready`: per process, whether /readyz said ready; `neighbours`: per node, {neighbour: state}."""
    report = Report()
    acknowledged, attempted = tally(lookups, identities)
    allowed = excused(lookups, identities, losses)
    report.acknowledged = sum(acknowledged.values())
    report.attempted = sum(attempted.values())
    report.excused = sum(min(allowed[key], acknowledged[key]) for key in allowed)
    restored_origins = {key for key in allowed}

    for node, held in sorted(counts.items()):
        lost = [(key, n, held.get(key, 0)) for key, n in sorted(acknowledged.items())
                if held.get(key, 0) < n - allowed.get(key, 0)]
        if lost:
            (origin, name), n, count = lost[0]
            report.failures.append(
                f"lost on website-{node}: {len(lost)} (origin, name) pairs hold fewer lookups than were acknowledged; "
                f"first: origin {origin[:12]} name {name}: {count} held, {n} acknowledged, "
                f"{allowed.get((origin, name), 0)} excused by a restore or wipe")
        twice = [(key, count, attempted.get(key, 0)) for key, count in sorted(held.items())
                 if count > attempted.get(key, 0)]
        if twice:
            (origin, name), count, sent = twice[0]
            report.failures.append(
                f"counted twice on website-{node}: {len(twice)} (origin, name) pairs hold more lookups than were sent; "
                f"first: origin {origin[:12]} name {name}: {count} held, {sent} sent")

    # Of the lookups a restore or wipe was allowed to lose, how many it did lose (on the node
    # that holds the most, which is what the federation converges to).
    for key in restored_origins:
        best = max((held.get(key, 0) for held in counts.values()), default=0)
        report.lost_to_restores += max(0, acknowledged.get(key, 0) - best)

    first = None
    for node, held in sorted(counts.items()):
        if first is None:
            first = (node, held)
            continue
        if held != first[1]:
            keys = sorted(set(held) | set(first[1]))
            key = next(k for k in keys if held.get(k) != first[1].get(k))
            report.failures.append(
                f"not converged: website-{node} differs from website-{first[0]}; first differing pair: origin "
                f"{key[0][:12]} name {key[1]}: {held.get(key)} against {first[1].get(key)}")

    # A name must be known everywhere when one of its acknowledged lookups is not excused: a
    # name looked up only in what a restore or wipe took may be gone with it, profile and all.
    names = sorted({name for key, n in acknowledged.items() if n > allowed.get(key, 0) for name in [key[1]]})
    report.names_excused = len({name for (_, name) in acknowledged} - set(names))
    for node, known in sorted(profiles.items()):
        missing = [name for name in names if name not in known]
        if missing:
            report.failures.append(f"website-{node} has no profile for {len(missing)} acknowledged names, first {missing[0]}")
    for node, statuses in sorted(heads.items()):
        unshown = [(name, statuses.get(name)) for name in names if statuses.get(name) != 200]
        if unshown:
            report.failures.append(f"website-{node} does not show the head of {len(unshown)} acknowledged names, "
                                   f"first {unshown[0][0]} (status {unshown[0][1]})")

    for process, is_ready in sorted(ready.items()):
        if not is_ready:
            report.failures.append(f"{process} is not ready")
    for node, states in sorted(neighbours.items()):
        for neighbour, state in sorted(states.items()):
            if "(replaced identity" in neighbour:
                report.failures.append(f"website-{node} still shows {neighbour} as {state}, not removed")
            elif state != "idle":
                report.failures.append(f"website-{node}'s neighbour {neighbour} is {state}, not idle (connected)")
    return report
