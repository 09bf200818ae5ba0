# shellcheck shell=bash
# A Kubernetes control plane with no container images, every part bound to
# 127.0.0.1 and started detached with a pid file:
#   etcd -> kube-apiserver -> kube-controller-manager, kube-scheduler -> kwok
# kwok plays the kubelets of $PA_K8S_NODES fake nodes and makes scheduled pods
# Running and Ready, so Deployments roll out and `helm --wait` returns.
# PA_K8S=external skips all of this and uses the caller's KUBECONFIG.
# Sourced by up/down.

PA_K8S="${PA_K8S:-local}"
PA_K8S_NODES="${PA_K8S_NODES:-3}"
PA_KUBE="$PA_RUN/kube"
PA_K8S_COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

_kubectl() { "$(k8s_bin_dir)/kubectl" --kubeconfig "$PA_KUBE/admin.kubeconfig" "$@"; }

_k8s_pki() {
  pki_cert kube-apiserver kube-apiserver "" \
    "IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local" server
  pki_cert k8s-admin pipeline-actions-admin system:masters "" client
  pki_cert k8s-controller-manager system:kube-controller-manager "" "" client
  pki_cert k8s-scheduler system:kube-scheduler "" "" client
  pki_cert k8s-kwok kwok system:masters "" client
  if [ ! -s "$PA_PKI/sa.key" ]; then
    openssl genrsa -out "$PA_PKI/sa.key" 2048 >/dev/null 2>&1 || die "openssl could not make the service-account key"
    openssl rsa -in "$PA_PKI/sa.key" -pubout -out "$PA_PKI/sa.pub" >/dev/null 2>&1 || die "openssl could not write sa.pub"
    chmod 600 "$PA_PKI/sa.key"
  fi
}

_kubeconfig() { # NAME CERTNAME
  local f="$PA_KUBE/$1.kubeconfig" k; k="$(k8s_bin_dir)/kubectl"
  if [ -s "$f" ] && grep -q "https://127.0.0.1:$PA_APISERVER_PORT" "$f"; then return 0; fi
  rm -f "$f"
  ( umask 077
    "$k" --kubeconfig "$f" config set-cluster pipeline-actions --server "https://127.0.0.1:$PA_APISERVER_PORT" \
      --certificate-authority "$PA_PKI/ca.crt" --embed-certs=true
    "$k" --kubeconfig "$f" config set-credentials "$1" --client-certificate "$PA_PKI/$2.crt" \
      --client-key "$PA_PKI/$2.key" --embed-certs=true
    "$k" --kubeconfig "$f" config set-context pipeline-actions --cluster pipeline-actions --user "$1"
    "$k" --kubeconfig "$f" config use-context pipeline-actions
  ) >/dev/null || die "kubectl could not write $f"
  chmod 600 "$f"
}

_apiserver_ready() {
  curl -fsS -o /dev/null --max-time 3 --cacert "$PA_PKI/ca.crt" --cert "$PA_PKI/k8s-admin.crt" \
    --key "$PA_PKI/k8s-admin.key" "https://127.0.0.1:$PA_APISERVER_PORT/readyz"
}
_etcd_ready() { curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$PA_ETCD_PORT/health"; }
_secure_ready() { curl -ksS -o /dev/null --max-time 3 "https://127.0.0.1:$1/healthz"; }
_kcm_ready()   { _secure_ready "$PA_KCM_PORT"; }
_sched_ready() { _secure_ready "$PA_SCHED_PORT"; }
_kwok_ready()  { curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$PA_KWOK_PORT/healthz"; }

# _component NAME PORTVAR READYFN cmd... : reuse if ours and healthy, else start
_component() {
  local name="$1" var="$2" ready="$3"; shift 3
  local port="${!var}"
  step k8s "$name on 127.0.0.1:$port"
  # reused only when started with this very command line: a changed flag restarts it
  local cmdline="$PA_RUN/pids/$name.cmdline"
  if is_running "$name" && [ "$(cat "$cmdline" 2>/dev/null)" = "$*" ] && "$ready" 2>/dev/null; then
    ok "reused (pid $(cat "$(pidfile "$name")"))"; return 0
  fi
  stop_process "$name" || true
  require_port_free "$port" "$name" "$var"
  start_detached "$name" "$@"
  printf '%s' "$*" >"$cmdline"
  local end=$(( $(date +%s) + 90 ))
  until "$ready" 2>/dev/null; do
    is_running "$name" || { tail -n 20 "$PA_RUN/logs/$name.log" >&2; die "$name exited at start (log: $PA_RUN/logs/$name.log)"; }
    [ "$(date +%s)" -lt "$end" ] || die "$name not healthy within 90s (log: $PA_RUN/logs/$name.log)"
    sleep 0.3
  done
  ok "started (pid $(cat "$(pidfile "$name")"))"
}

_nodes_manifest() {
  local i
  for i in $(seq 0 $(( PA_K8S_NODES - 1 ))); do
    cat <<YAML
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
    type: kwok
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
  capacity: {cpu: "32", memory: 256Gi, pods: "110"}
YAML
  done
}

_rollout_check() {
  step k8s "a Deployment rolls out Ready"
  # a new namespace each time: the previous one may still be terminating
  local ns image; ns="pa-env-check-$(date +%s)"; image="${1:-127.0.0.1:$PA_REGISTRY_PORT/standard/busybox:check}"
  local log="$PA_RUN/logs/k8s-rollout-check.log"; : >"$log"
  run_logged "$log" "could not create the check Deployment" \
    bash -c "'$(k8s_bin_dir)/kubectl' --kubeconfig '$PA_KUBE/admin.kubeconfig' create ns $ns &&
             '$(k8s_bin_dir)/kubectl' --kubeconfig '$PA_KUBE/admin.kubeconfig' -n $ns create deployment check --image '$image' --replicas 2"
  run_logged "$log" "the check Deployment did not roll out within 120s (is kwok running? see $PA_RUN/logs/kwok.log)" \
    "$(k8s_bin_dir)/kubectl" --kubeconfig "$PA_KUBE/admin.kubeconfig" -n "$ns" rollout status deployment/check --timeout=120s
  local ready; ready="$(_kubectl -n "$ns" get deployment check -o jsonpath='{.status.readyReplicas}')"
  [ "$ready" = 2 ] || die "check Deployment reports readyReplicas=$ready, want 2"
  _kubectl delete ns "$ns" --wait=false >/dev/null 2>&1 || true
  ok "2/2 ready, deleted"
}

k8s_up() {
  if [ "$PA_K8S" = external ]; then
    step k8s "external cluster (PA_K8S=external)"
    local kc="${PA_KUBECONFIG:-${KUBECONFIG:-$HOME/.kube/config}}"
    kc="${kc%%:*}"
    [ -s "$kc" ] || die "PA_K8S=external but no kubeconfig at '$kc' (set KUBECONFIG)"
    have kubectl || die "PA_K8S=external needs kubectl on PATH"
    PA_OUT_KUBECONFIG="$(cd "$(dirname "$kc")" && pwd)/$(basename "$kc")"
    PA_OUT_KUBECTL="$(command -v kubectl)"
    kubectl --kubeconfig "$PA_OUT_KUBECONFIG" get --raw /readyz >/dev/null 2>&1 || die "the cluster in $PA_OUT_KUBECONFIG does not answer /readyz"
    PA_OUT_K8S_VERSION="$(kubectl --kubeconfig "$PA_OUT_KUBECONFIG" version -o json 2>/dev/null | jq -r .serverVersion.gitVersion)"
    ok "using $PA_OUT_KUBECONFIG ($PA_OUT_K8S_VERSION)"
    return 0
  fi
  build_control_plane
  local kb eb wb; kb="$(k8s_bin_dir)"; eb="$(etcd_bin_dir)"; wb="$(kwok_bin_dir)"
  step k8s "certificates and kubeconfigs"
  mkdir -p "$PA_KUBE"
  _k8s_pki
  _kubeconfig admin k8s-admin
  _kubeconfig kube-controller-manager k8s-controller-manager
  _kubeconfig kube-scheduler k8s-scheduler
  _kubeconfig kwok k8s-kwok
  ok "$PA_KUBE/admin.kubeconfig"

  PA_PART=k8s; require_port_free "$PA_ETCD_PEER_PORT" etcd PA_ETCD_PEER_PORT
  _component etcd PA_ETCD_PORT _etcd_ready \
    "$eb/etcd" --name pa --data-dir "$PA_RUN/etcd" \
      --listen-client-urls "http://127.0.0.1:$PA_ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$PA_ETCD_PORT" \
      --listen-peer-urls "http://127.0.0.1:$PA_ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$PA_ETCD_PEER_PORT" \
      --initial-cluster "pa=http://127.0.0.1:$PA_ETCD_PEER_PORT" --listen-metrics-urls "" \
      --quota-backend-bytes 2147483648 --unsafe-no-fsync --log-level warn

  _component kube-apiserver PA_APISERVER_PORT _apiserver_ready \
    "$kb/kube-apiserver" --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$PA_APISERVER_PORT" \
      --etcd-servers "http://127.0.0.1:$PA_ETCD_PORT" \
      --client-ca-file "$PA_PKI/ca.crt" \
      --tls-cert-file "$PA_PKI/kube-apiserver.crt" --tls-private-key-file "$PA_PKI/kube-apiserver.key" \
      --service-account-key-file "$PA_PKI/sa.pub" --service-account-signing-key-file "$PA_PKI/sa.key" \
      --service-account-issuer https://kubernetes.default.svc.cluster.local \
      --service-cluster-ip-range 10.96.0.0/16 \
      --authorization-mode Node,RBAC --allow-privileged=true \
      --endpoint-reconciler-type none \
      --enable-priority-and-fairness=false \
      --v 1

  _component kube-controller-manager PA_KCM_PORT _kcm_ready \
    "$kb/kube-controller-manager" --bind-address 127.0.0.1 --secure-port "$PA_KCM_PORT" \
      --kubeconfig "$PA_KUBE/kube-controller-manager.kubeconfig" \
      --authentication-kubeconfig "$PA_KUBE/kube-controller-manager.kubeconfig" \
      --authorization-kubeconfig "$PA_KUBE/kube-controller-manager.kubeconfig" \
      --root-ca-file "$PA_PKI/ca.crt" --service-account-private-key-file "$PA_PKI/sa.key" \
      --use-service-account-credentials=true --leader-elect=false \
      --cluster-signing-cert-file "$PA_PKI/ca.crt" --cluster-signing-key-file "$PA_PKI/ca.key" \
      --v 1

  # A pod found unschedulable while its claim was still binding is normally
  # retried on the claim's update; once in a CI run that retry never came and
  # the pod waited out helm's --wait. Retrying any unschedulable pod after 15 s
  # (default 5 min) bounds that race well inside the tests' deploy timeouts.
  _component kube-scheduler PA_SCHED_PORT _sched_ready \
    "$kb/kube-scheduler" --bind-address 127.0.0.1 --secure-port "$PA_SCHED_PORT" \
      --kubeconfig "$PA_KUBE/kube-scheduler.kubeconfig" \
      --authentication-kubeconfig "$PA_KUBE/kube-scheduler.kubeconfig" \
      --authorization-kubeconfig "$PA_KUBE/kube-scheduler.kubeconfig" \
      --leader-elect=false --v 1 \
      --pod-max-in-unschedulable-pods-duration 15s

  # A kwok that starts while the node leases of its previous run are still
  # held waits for them to expire (up to --node-lease-duration-seconds) before
  # it touches any pod; deleting them first makes a restart immediate.
  if ! is_running kwok; then
    local leases=() i
    for i in $(seq 0 $(( PA_K8S_NODES - 1 ))); do leases+=("kwok-node-$i"); done
    _kubectl -n kube-node-lease delete lease "${leases[@]}" --ignore-not-found >/dev/null 2>&1 || true
  fi
  # own HOME: kwok reads ~/.kwok/kwok.yaml by default; ours uses its built-in stages
  mkdir -p "$PA_RUN/kwok-home"
  _component kwok PA_KWOK_PORT _kwok_ready \
    env HOME="$PA_RUN/kwok-home" "$wb/kwok" --kubeconfig "$PA_KUBE/kwok.kubeconfig" \
      --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
      --node-ip 10.244.0.1 --cidr 10.244.0.0/16 --node-lease-duration-seconds 40 \
      --server-address "127.0.0.1:$PA_KWOK_PORT"

  step k8s "$PA_K8S_NODES fake nodes"
  _nodes_manifest | _kubectl apply -f - >"$PA_RUN/logs/k8s-nodes.log" 2>&1 || { cat "$PA_RUN/logs/k8s-nodes.log" >&2; die "could not register the fake nodes"; }
  wait_for 60 "the fake nodes to be Ready (kwok log: $PA_RUN/logs/kwok.log)" \
    _kubectl wait --for=condition=Ready node -l type=kwok --timeout=5s
  ok "$(_kubectl get nodes -l type=kwok --no-headers | awk '{print $1"="$2}' | paste -sd' ' -)"

  PA_OUT_KUBECONFIG="$PA_KUBE/admin.kubeconfig"
  PA_OUT_KUBECTL="$kb/kubectl"
  PA_OUT_K8S_VERSION="$PA_K8S_VERSION_PIN"
}

k8s_check() { [ "$PA_K8S" = external ] || _rollout_check "$@"; }

k8s_down() {
  local i name
  for (( i=${#PA_K8S_COMPONENTS[@]}-1; i>=0; i-- )); do
    name="${PA_K8S_COMPONENTS[$i]}"
    step k8s "$name"
    if stop_process "$name"; then ok stopped; else ok "not running"; fi
  done
}
