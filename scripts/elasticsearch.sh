#!/usr/bin/env bash
# The Elasticsearch server the tests (and a developer) run against: fetch | start | stop | status.
#
# Why this script and not Docker: the only things reachable here are package registries, and
# Maven Central publishes Elastic's "integ-test-zip" distribution (server + security module, no
# bundled JDK, no analysis plugins). It runs on the machine's JDK 17. Everything lives in
# .cache/elasticsearch/ inside the repo (gitignored), one run directory per port, so two
# checkouts or two ports do not trample each other.
#
# Environment:
#   KIEMTRA_ES_PORT     HTTP port (default 9200)
#   KIEMTRA_ES_VERSION  pin a version (default: newest 8.x on Maven Central, resolved by Maven)
#   KIEMTRA_ES_HEAP     JVM heap (default 512m)
#   KIEMTRA_ES_TIMEOUT  seconds to wait for a yellow/green cluster (default 120)
#   ES_JAVA_HOME / JAVA_HOME  the JDK (default: the one `java` on PATH belongs to)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$REPO/.cache/elasticsearch"
PORT="${KIEMTRA_ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
RUN="$CACHE/run-$PORT"
PIDFILE="$RUN/elasticsearch.pid"
HEAP="${KIEMTRA_ES_HEAP:-512m}"
TIMEOUT="${KIEMTRA_ES_TIMEOUT:-120}"
ES_USER="kiemtra-es"   # Elasticsearch refuses to run as root; this user runs it instead

log() { printf 'elasticsearch.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# The unpacked distribution: the pinned version if one is asked for, else the newest present.
es_home() {
    if [[ -n "${KIEMTRA_ES_VERSION:-}" ]]; then
        [[ -x "$CACHE/elasticsearch-$KIEMTRA_ES_VERSION/bin/elasticsearch" ]] \
            && echo "$CACHE/elasticsearch-$KIEMTRA_ES_VERSION"
        return 0
    fi
    local dir
    dir="$(find "$CACHE" -maxdepth 1 -type d -name 'elasticsearch-*' 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/bin/elasticsearch" ]] && echo "$dir"
    return 0
}

java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then echo "$ES_JAVA_HOME"; return; fi
    if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
    local java
    java="$(command -v java)" || die "no JDK: install JDK 17 or set ES_JAVA_HOME"
    dirname "$(dirname "$(readlink -f "$java")")"
}

# Health as "green"/"yellow"/"red", or nothing when nobody answers on the port.
health() {
    { curl -sf --max-time 3 "$URL/_cluster/health" 2>/dev/null || true; } \
        | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}

is_healthy() { local h; h="$(health)"; [[ "$h" == green || "$h" == yellow ]]; }

running_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid; pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

cmd_fetch() {
    if [[ -n "$(es_home)" ]]; then
        log "already fetched: $(es_home)"
        return 0
    fi
    command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Elasticsearch"
    mkdir -p "$CACHE/dist"
    local args=(-q -B -f "$REPO/scripts/es-pom.xml" dependency:copy-dependencies
                "-DoutputDirectory=$CACHE/dist")
    [[ -n "${KIEMTRA_ES_VERSION:-}" ]] && args+=("-Des.version=$KIEMTRA_ES_VERSION")
    log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:${KIEMTRA_ES_VERSION:-newest 8.x} from Maven Central"
    (cd "$CACHE" && mvn "${args[@]}" >&2) || die "Maven could not fetch the distribution"
    local zip
    zip="$(find "$CACHE/dist" -name "elasticsearch-${KIEMTRA_ES_VERSION:-8.}*.zip" | sort -V | tail -n 1)"
    [[ -n "$zip" ]] || die "no elasticsearch zip in $CACHE/dist after the download"
    unzip -q -o "$zip" -d "$CACHE"
    rm -f "$zip"
    log "unpacked $(es_home)"
}

# As root: make (once) the unprivileged user and hand it the files Elasticsearch writes.
prepare_user() {
    [[ "$(id -u)" -eq 0 ]] || return 0
    if ! id "$ES_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER" \
            || die "cannot create user $ES_USER (Elasticsearch will not run as root)"
        log "created system user $ES_USER"
    fi
    chown -R "$ES_USER" "$RUN"
    # The distribution must be readable and its directories traversable by that user.
    chmod -R o+rX "$1"
    chmod o+x "$REPO" "$REPO/.cache" "$CACHE"
}

write_config() {
    local home="$1"
    mkdir -p "$RUN/config" "$RUN/data" "$RUN/logs" "$RUN/tmp"
    # The distribution's own config (jvm.options, log4j2, security files) as a starting point.
    cp -rn "$home/config/." "$RUN/config/"
    cat >"$RUN/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh: a throwaway single-node server for tests.
cluster.name: kiemtra-test-$PORT
node.name: kiemtra-test
network.host: 127.0.0.1
http.port: $PORT
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
path.data: $RUN/data
path.logs: $RUN/logs
EOF
}

cmd_start() {
    # Two test sessions starting at once must not launch two servers on one data directory.
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.start-$PORT.lock"
    flock -w 300 9 || die "another start on port $PORT holds the lock"
    if is_healthy; then
        log "already running and healthy"
        echo "$URL"
        return 0
    fi
    if pid="$(running_pid)"; then
        log "process $pid is starting already; waiting for it"
    else
        cmd_fetch
        local home; home="$(es_home)"
        [[ -n "$home" ]] || die "no distribution found in $CACHE"
        write_config "$home"
        prepare_user "$home"
        local env=(ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$RUN/config" ES_TMPDIR="$RUN/tmp"
                   ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP ${ES_JAVA_OPTS:-}")
        local cmd=("$home/bin/elasticsearch" -d -p "$PIDFILE")
        log "starting $(basename "$home") on $URL (data and logs in $RUN)"
        if [[ "$(id -u)" -eq 0 ]]; then
            runuser -u "$ES_USER" -- env "${env[@]}" "${cmd[@]}" >"$RUN/logs/startup.out" 2>&1 \
                || { tail -n 20 "$RUN/logs/startup.out" >&2; die "Elasticsearch failed to start"; }
        else
            env "${env[@]}" "${cmd[@]}" >"$RUN/logs/startup.out" 2>&1 \
                || { tail -n 20 "$RUN/logs/startup.out" >&2; die "Elasticsearch failed to start"; }
        fi
    fi
    local waited=0
    until is_healthy; do
        if ! running_pid >/dev/null && [[ $waited -gt 5 ]]; then
            tail -n 20 "$RUN/logs/kiemtra-test-$PORT.log" >&2 2>/dev/null || true
            die "Elasticsearch exited during start-up (logs in $RUN/logs)"
        fi
        [[ $waited -ge $TIMEOUT ]] && die "no yellow/green cluster on $URL after ${TIMEOUT}s"
        sleep 1
        waited=$((waited + 1))
    done
    log "healthy after ${waited}s"
    echo "$URL"
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        log "not running on port $PORT"
        rm -f "$PIDFILE"
        return 0
    fi
    kill "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if [[ $waited -ge 60 ]]; then
            log "still alive after 30s; killing $pid"
            kill -9 "$pid" 2>/dev/null || true
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
    rm -f "$PIDFILE"
    log "stopped (pid $pid)"
}

cmd_status() {
    local pid h
    h="$(health)"
    if pid="$(running_pid)"; then
        echo "pid $pid, $URL, health: ${h:-not answering}"
    elif [[ -n "$h" ]]; then
        echo "$URL answers (health: $h) but was not started by this script"
    else
        echo "not running on $URL"
        return 3
    fi
    # GET / is not served by this distribution (no rest-root module); ask the node instead.
    [[ -n "$h" ]] && echo "version $(curl -sf --max-time 3 "$URL/_cat/nodes?h=version" || echo unknown)"
    return 0
}

case "${1:-}" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 {fetch|start|stop|status}" >&2; exit 2 ;;
esac
