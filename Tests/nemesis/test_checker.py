"""The nemesis's own rules, without I/O: the schedule replays from its seed and keeps its
promises, and the checker fails the histories it must fail (and passes the ones it must pass)."""
import schedule
import checker

NODES = ["a", "b", "c", "d", "e"]
LINKS = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("a", "c")]


def draw(seed, previous=False):
    return schedule.draw(seed, NODES, LINKS, ["a", "d"], 600, 300, previous_release=previous)


def test_a_seed_replays_its_schedule_and_seeds_differ():
    assert draw(7) == draw(7)
    assert draw(7) != draw(8)
    assert len(draw(7)) > 100  # one every 1-5 s over ten minutes


def test_the_schedule_draws_every_kind_and_keeps_its_promises():
    kinds = set()
    for seed in range(1, 11):
        faults = draw(seed, previous=True)
        kinds |= {fault.kind for fault in faults}
        busy = {}
        usable = {}
        for fault in faults:
            held = schedule.resources(fault.kind, fault.targets, ["a", "d"])
            assert all(busy.get(r, 0) <= fault.start for r in held), fault
            for r in held:
                busy[r] = fault.start + fault.seconds + schedule.WORK_SECONDS.get(fault.kind, 0)
            if fault.kind == "backup":
                usable.setdefault(fault.targets[0], set()).add(fault.index)
            if fault.kind == "restore_db":
                assert fault.backup in usable.get(fault.targets[0], set()), fault
            if fault.kind == "wipe_db":
                usable = {}
            if fault.kind == "clock_skew":
                assert 0 < abs(fault.skew) < 300
            if fault.kind in ("kill_replica", "previous_release"):
                assert fault.targets[0] in ("a", "d")
    assert kinds == set(schedule.KINDS)
    assert "previous_release" not in {fault.kind for fault in draw(1)}


IDS = {"a": [(0.0, "A")], "b": [(0.0, "B")]}
NEIGHBOURS = {"a": {"website-b": "idle"}, "b": {"website-a": "idle"}}
READY = {"website-a": True, "website-b": True}


def lookup(node, name, at, status=200):
    return {"node": node, "name": name, "sent": at, "done": at + 0.01, "status": status}


def run(lookups, counts, losses=(), identities=IDS, profiles=None, heads=None, ready=READY, neighbours=NEIGHBOURS):
    names = {name for _, name in next(iter(counts.values()))}
    profiles = profiles or {node: set(names) for node in counts}
    heads = heads or {node: {name: 200 for name in names} for node in counts}
    return checker.check(lookups, identities, list(losses), counts, profiles, heads, ready, neighbours)


HISTORY = [lookup("a", "x", 1), lookup("a", "x", 2), lookup("b", "x", 3), lookup("a", "y", 4, status=0)]


def test_a_faithful_federation_passes():
    held = {("A", "x"): 2, ("B", "x"): 1}
    report = run(HISTORY, {"a": held, "b": dict(held)})
    assert report.passed, report.failures
    assert (report.acknowledged, report.attempted) == (3, 4)
    # An attempted lookup (no answer) may have been counted.
    held = {("A", "x"): 2, ("B", "x"): 1, ("A", "y"): 1}
    assert run(HISTORY, {"a": held, "b": dict(held)}).passed


def test_a_lost_acknowledged_lookup_fails():
    held = {("A", "x"): 1, ("B", "x"): 1}
    report = run(HISTORY, {"a": held, "b": dict(held)})
    assert not report.passed
    assert "lost on website-a" in report.failures[0] and "name x" in report.failures[0]


def test_merging_by_sum_counts_twice_and_fails():
    # b added a's count to what it had instead of keeping the maximum.
    report = run(HISTORY, {"a": {("A", "x"): 2, ("B", "x"): 1}, "b": {("A", "x"): 4, ("B", "x"): 1}})
    assert any("counted twice on website-b" in failure for failure in report.failures)


def test_nodes_that_differ_fail_as_not_converged():
    report = run(HISTORY, {"a": {("A", "x"): 3, ("B", "x"): 1}, "b": {("A", "x"): 2, ("B", "x"): 1}})
    assert any("not converged" in failure for failure in report.failures)


def test_a_restore_excuses_only_its_window_and_says_what_it_lost():
    lookups = [lookup("a", "x", 1), lookup("a", "x", 5), lookup("a", "x", 6), lookup("a", "x", 20)]
    restore = {"kind": "restore", "node": "a", "backup_started": 4, "restored_at": 10}
    # The two lookups between the backup and the restore are gone; the one before and after stay.
    held = {("A", "x"): 2}
    report = run(lookups, {"a": held, "b": dict(held)}, [restore])
    assert report.passed, report.failures
    assert report.lost_to_restores == 2
    # A name looked up only between the backup and the restore may be gone, profile and all.
    gone = lookups + [lookup("a", "z", 7)]
    report = run(gone, {"a": held, "b": dict(held)}, [restore], profiles={"a": {"x"}, "b": {"x"}})
    assert report.passed, report.failures
    assert report.names_excused == 1
    # Losing the lookup acknowledged after the restore is not excused.
    held = {("A", "x"): 1}
    assert not run(lookups, {"a": held, "b": dict(held)}, [restore]).passed


def test_a_wipe_excuses_what_no_other_node_held():
    identities = {"a": [(0.0, "A"), (10.0, "A2")], "b": [(0.0, "B")]}
    lookups = [lookup("a", "x", 1), lookup("a", "x", 2), lookup("a", "x", 3), lookup("a", "x", 12)]
    wipe = {"kind": "wipe", "node": "a", "origin": "A", "wiped_at": 10, "known_elsewhere": {"x": 2}}
    held = {("A", "x"): 2, ("A2", "x"): 1}
    report = run(lookups, {"a": held, "b": dict(held)}, [wipe], identities)
    assert report.passed, report.failures
    assert report.lost_to_restores == 1
    # What b held when a was wiped must survive.
    held = {("A", "x"): 1, ("A2", "x"): 1}
    assert not run(lookups, {"a": held, "b": dict(held)}, [wipe], identities).passed


def test_missing_heads_unready_processes_and_disconnected_neighbours_fail():
    held = {("A", "x"): 2, ("B", "x"): 1}
    counts = {"a": held, "b": dict(held)}
    assert any("does not show the head" in f for f in run(HISTORY, counts, heads={"a": {"x": 200}, "b": {"x": 502}}).failures)
    assert any("no profile" in f for f in run(HISTORY, counts, profiles={"a": {"x"}, "b": set()}).failures)
    assert any("not ready" in f for f in run(HISTORY, counts, ready={"website-a": True, "website-b": False}).failures)
    states = {"a": {"website-b": "error"}, "b": {"website-a": "idle"}}
    assert any("is error" in f for f in run(HISTORY, counts, neighbours=states).failures)
    states = {"a": {"website-b": "idle", "website-b (replaced identity B0)": "error"}, "b": {"website-a": "idle"}}
    assert any("still shows website-b (replaced identity B0) as error" in f
               for f in run(HISTORY, counts, neighbours=states).failures)
