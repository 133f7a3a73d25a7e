"""Checks of the rendered Kubernetes manifests beyond their schema (scripts/check-deploy):
the same probes and settings names as compose, hardened pods, and databases reachable only
from their own node's pods."""
import sys

import yaml

documents = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
by_kind = {}
for document in documents:
    by_kind.setdefault(document["kind"], []).append(document)
problems = []

deployments = by_kind.get("Deployment", [])
if len(deployments) != 3:
    problems.append(f"expected 3 Deployments, got {len(deployments)}")
for deployment in deployments:
    name = deployment["metadata"]["name"]
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e for e in container["env"]}
    if spec["replicas"] != 2:
        problems.append(f"{name}: replicas {spec['replicas']}")
    if container.get("readinessProbe", {}).get("httpGet", {}).get("path") != "/readyz":
        problems.append(f"{name}: readiness is not /readyz")
    if container.get("livenessProbe", {}).get("httpGet", {}).get("path") != "/healthz":
        problems.append(f"{name}: liveness is not /healthz")
    if not pod.get("securityContext", {}).get("runAsNonRoot"):
        problems.append(f"{name}: may run as root")
    if not container.get("securityContext", {}).get("readOnlyRootFilesystem"):
        problems.append(f"{name}: root filesystem writable")
    if not container.get("resources", {}).get("limits"):
        problems.append(f"{name}: no resource limits")
    if env.get("NODE_NAME", {}).get("value") != name:
        problems.append(f"{name}: NODE_NAME is {env.get('NODE_NAME')}")
    suffix = name.rsplit("-", 1)[1]
    if env.get("PGHOST", {}).get("value") != f"db-{suffix}":
        problems.append(f"{name}: PGHOST is {env.get('PGHOST')}")
    if "value" in env.get("PGPASSWORD", {}) or "secretKeyRef" not in env.get("PGPASSWORD", {}).get("valueFrom", {}):
        problems.append(f"{name}: the database password is not from a Secret")

# Every list the node reads (PEERS_FILE, BLOCKLIST_FILE) must be a key of a ConfigMap mounted at
# its folder: a path into the image would silently read the list baked into it instead.
config_maps = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}
for deployment in deployments:
    name = deployment["metadata"]["name"]
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    for key in ("PEERS_FILE", "BLOCKLIST_FILE"):
        path = env.get(key)
        if path is None:
            if key == "PEERS_FILE":
                problems.append(f"{name}: PEERS_FILE is not set (the image's own list would be read)")
            continue
        folder, file = path.rsplit("/", 1)
        mounts = [m for m in container.get("volumeMounts", []) if m["mountPath"].rstrip("/") == folder]
        config_map = volumes.get(mounts[0]["name"], {}).get("configMap", {}).get("name") if mounts else None
        if config_map is None:
            problems.append(f"{name}: {key} {path} is not in a mounted ConfigMap")
        elif file not in config_maps.get(config_map, {}).get("data", {}):
            problems.append(f"{name}: {key} {path}: ConfigMap {config_map} has no key {file}")

services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
for node in "abc":
    service = services.get(f"website-{node}")
    if not service or service["spec"].get("clusterIP") != "None":
        problems.append(f"website-{node}: no headless Service")

policies = by_kind.get("NetworkPolicy", [])
if len(policies) != 3:
    problems.append(f"expected 3 NetworkPolicies, got {len(policies)}")
for policy in policies:
    own = policy["spec"]["podSelector"]["matchLabels"]
    for rule in policy["spec"]["ingress"]:
        for peer in rule["from"]:
            allowed = peer.get("podSelector", {}).get("matchLabels", {})
            if allowed.get("heads.example/node") != own.get("heads.example/node"):
                problems.append(f"{policy['metadata']['name']}: reachable from another node's pods ({allowed})")
for kind in ("StatefulSet", "PodDisruptionBudget", "Secret", "ConfigMap", "Namespace"):
    if not by_kind.get(kind):
        problems.append(f"no {kind}")

for problem in problems:
    print("kubernetes:", problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"deploy/kubernetes: {len(documents)} resources, probes, pods, policies as compose has them")
