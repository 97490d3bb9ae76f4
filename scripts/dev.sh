#!/usr/bin/env bash
# One entry point for developers and CI: set up everything this project needs on a
# Debian 12 machine that has only python3 (and root for system packages), then run the
# app on a demo database or run the whole test suite.
#
#   bash scripts/dev.sh setup            set up only (system libraries, .venv, packages)
#   bash scripts/dev.sh app [args]       set up, create the demo database once, open Presale Desk
#   bash scripts/dev.sh test [pytest]    set up, run ruff, mypy, lint-imports and pytest
#                                        (SQLite, plus PostgreSQL in a throwaway server)
#   bash scripts/dev.sh pg-check         start the throwaway PostgreSQL, query it, stop it
#
# Environment: PYTHON (interpreter to build .venv from, default python3), PRESALE_DEMO_DB
# (demo database file for `app`), PRESALE_TEST_PG_URL (use this PostgreSQL instead of
# starting one), PRESALE_REQUIRE_PG=1 (fail instead of warning when PostgreSQL can't start),
# PRESALE_PACKAGING_SMOKE=1 (`test` also builds and runs the PyInstaller bundle, as
# it always does when CI=true).
# Setup output goes to build/dev.log; the screen gets one line per step.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PY_SYS=${PYTHON:-python3}
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"
LOG="$ROOT/build/dev.log"
IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_ROOT_USER_ACTION=ignore

# System libraries Qt (xcb and offscreen platforms) loads at run time; Debian 12 names.
QT_SYSTEM_LIBS=(
    libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libx11-6
    libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
)
# Tools the tests use: pdffonts (is the CJK font embedded?) and pdftoppm (sheets to PNG).
TEST_TOOL_PACKAGES=(poppler-utils)

# ---------------------------------------------------------------- output helpers

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

show_log_tail() {
    local lines=40
    [ "${CI:-}" = "true" ] && lines=200
    {
        echo "---- last $lines lines of $LOG ----"
        tail -n "$lines" "$LOG"
        echo "---- end of log ----"
    } >&2
}

# run_step "what" command args...: one line on screen, the command's output in the log;
# on failure the end of the log is shown and the command's exit code returned.
run_step() {
    local what=$1 start=$SECONDS rc=0
    shift
    printf '==> %s ... ' "$what"
    printf '\n### %s\n### $ %s\n' "$what" "$*" >>"$LOG"
    "$@" >>"$LOG" 2>&1 </dev/null || rc=$?
    if [ "$rc" -eq 0 ]; then
        printf 'ok (%ss)\n' $((SECONDS - start))
    else
        printf 'FAILED (exit %s)\n' "$rc"
        show_log_tail
    fi
    return "$rc"
}

# ---------------------------------------------------------------- system packages

APT_UPDATED=0

dpkg_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

# apt_install PKG...: as root only; runs `apt-get update` at most once per invocation.
apt_install() {
    [ "$IS_ROOT" -eq 1 ] || return 1
    if [ "$APT_UPDATED" -eq 0 ]; then
        run_step "apt-get update" apt-get update -q || return 1
        APT_UPDATED=1
    fi
    run_step "apt-get install $*" apt-get install -y -q --no-install-recommends "$@"
}

check_python() {
    command -v "$PY_SYS" >/dev/null 2>&1 \
        || die "'$PY_SYS' not found. Install Python 3.11 or newer (Debian 12: apt-get install python3), or set PYTHON=/path/to/python3.11."
    "$PY_SYS" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
        || die "Presale Desk needs Python >= 3.11, but '$(command -v "$PY_SYS")' is $("$PY_SYS" -V 2>&1). Set PYTHON=/path/to/python3.11 or newer."
}

# Everything apt has to bring in is gathered first, so apt-get update runs once at most.
ensure_system_packages() {
    local missing=() p
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "Not a Debian system: skipping system package checks (Qt needs ${QT_SYSTEM_LIBS[*]})"
        return 0
    fi
    # Debian's python3 keeps ensurepip (needed by `python3 -m venv`) in python3-venv.
    if [ ! -x "$VPY" ] && ! "$PY_SYS" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        missing+=(python3-venv)
    fi
    for p in "${QT_SYSTEM_LIBS[@]}" "${TEST_TOOL_PACKAGES[@]}"; do
        dpkg_installed "$p" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "System packages present"
        return 0
    fi
    if [ "$IS_ROOT" -ne 1 ]; then
        warn "not root, so not installing missing system packages: ${missing[*]}"
        warn "as root run: apt-get update && apt-get install -y ${missing[*]}"
        return 0
    fi
    apt_install "${missing[@]}" || die "could not install system packages: ${missing[*]} (see $LOG)"
}

# ---------------------------------------------------------------- Python environment

venv_ok() {
    [ -x "$VPY" ] && "$VPY" -c \
        'import sys, pip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

ensure_venv() {
    if venv_ok; then
        say ".venv present ($("$VPY" -V 2>&1))"
        return 0
    fi
    # A missing, half-created or broken .venv (e.g. its interpreter is gone): start over.
    rm -rf "$VENV"
    if ! run_step "Creating .venv with $("$PY_SYS" -V 2>&1)" "$PY_SYS" -m venv "$VENV"; then
        rm -rf "$VENV"
        if [ "$IS_ROOT" -eq 1 ] && command -v apt-get >/dev/null 2>&1 && ! dpkg_installed python3-venv; then
            apt_install python3-venv || die "could not install python3-venv (see $LOG)"
            run_step "Creating .venv (after installing python3-venv)" "$PY_SYS" -m venv "$VENV" \
                || die "python3 -m venv failed (see $LOG)"
        else
            die "python3 -m venv failed (see $LOG). On Debian/Ubuntu: apt-get install python3-venv"
        fi
    fi
}

# The install depends on pyproject.toml and on which top-level packages exist (an
# editable install maps each top-level package when it is made: a new one, such as app/
# getting its __init__.py, needs a reinstall).
install_fingerprint() {
    {
        cat pyproject.toml
        local f
        for f in */__init__.py; do [ -f "$f" ] && printf 'package %s\n' "$f"; done
        true
    } | sha256sum | cut -d' ' -f1
}

ensure_python_packages() {
    local stamp
    stamp="$VENV/.installed-$(install_fingerprint)"
    if [ -f "$stamp" ]; then
        say "Python packages up to date"
        return 0
    fi
    run_step "Upgrading pip" "$VPY" -m pip install --upgrade pip \
        || die "pip upgrade failed (see $LOG)"
    run_step "Installing presale-desk[dev] into .venv (first time takes a few minutes)" \
        "$VPY" -m pip install -e ".[dev]" \
        || die "pip install -e '.[dev]' failed (see $LOG)"
    rm -f "$VENV"/.installed-*
    : >"$stamp"
}

setup() {
    mkdir -p "$(dirname "$LOG")"
    printf '### dev.sh %s, %s\n' "$*" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$LOG"
    check_python
    ensure_system_packages
    ensure_venv
    ensure_python_packages
    # .qm files are built, not stored (the app also builds a missing one when it starts).
    run_step "Building translations" "$VPY" -m app.i18n build \
        || warn "could not build the translations (see $LOG): the app will be in English"
}

# ---------------------------------------------------------------- throwaway PostgreSQL

PG_BIN=""
PG_ROOT=""

pg_find_bin() {
    local d
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [ -n "$d" ] && [ -x "$d/initdb" ] && printf '%s\n' "$d"
    return 0
}

as_postgres() { runuser -u postgres -- "$@"; }

free_port() {
    "$PY_SYS" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_stop() {
    [ -n "$PG_ROOT" ] || return 0
    if [ -f "$PG_ROOT/data/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w -t 30 stop >>"$LOG" 2>&1 \
            || as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w -t 30 stop >>"$LOG" 2>&1 \
            || warn "could not stop the test PostgreSQL in $PG_ROOT"
    fi
    rm -rf "$PG_ROOT"
    PG_ROOT=""
}

# pg_start: start a PostgreSQL server for this run only and export PRESALE_TEST_PG_URL.
# Returns non-zero (after a warning) when that is not possible.
pg_start() {
    local port start=$SECONDS
    if [ "$IS_ROOT" -ne 1 ]; then
        warn "not root: cannot start a throwaway PostgreSQL. Tests run on SQLite only;"
        warn "set PRESALE_TEST_PG_URL=postgresql+psycopg://USER@HOST:PORT/DB to test PostgreSQL too."
        return 1
    fi
    PG_BIN=$(pg_find_bin)
    if [ -z "$PG_BIN" ]; then
        apt_install postgresql || { warn "could not install postgresql (see $LOG)"; return 1; }
        PG_BIN=$(pg_find_bin)
        [ -n "$PG_BIN" ] || { warn "postgresql installed but no initdb under /usr/lib/postgresql"; return 1; }
    fi
    PG_ROOT=$(mktemp -d /tmp/presale-pg.XXXXXX) || return 1
    chown postgres:postgres "$PG_ROOT" || return 1
    port=$(free_port) || return 1
    printf '==> Starting a throwaway PostgreSQL (%s) on 127.0.0.1:%s ... ' \
        "$(basename "$(dirname "$PG_BIN")")" "$port"
    {
        as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 >>"$LOG" 2>&1 &&
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t 30 \
            -o "-p $port -k $PG_ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >>"$LOG" 2>&1 &&
        as_postgres "$PG_BIN/createdb" -h "$PG_ROOT" -p "$port" -U postgres presale_test >>"$LOG" 2>&1
    } || {
        printf 'FAILED\n'
        [ -f "$PG_ROOT/server.log" ] && cat "$PG_ROOT/server.log" >>"$LOG"
        show_log_tail
        pg_stop
        return 1
    }
    printf 'ok (%ss)\n' $((SECONDS - start))
    export PRESALE_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/presale_test"
}

# Make PRESALE_TEST_PG_URL available: the caller's, or a throwaway server's.
pg_for_tests() {
    if [ -n "${PRESALE_TEST_PG_URL:-}" ]; then
        say "PostgreSQL: using PRESALE_TEST_PG_URL from the environment"
        return 0
    fi
    if pg_start; then
        return 0
    fi
    if [ "${PRESALE_REQUIRE_PG:-0}" = "1" ]; then
        die "PRESALE_REQUIRE_PG=1 but no PostgreSQL could be started"
    fi
    warn "PostgreSQL tests will be skipped: running on SQLite only."
}

on_exit() {
    local rc=$?
    pg_stop
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- commands

cmd_setup() {
    setup setup
    say "Setup done: .venv is ready (log: ${LOG#"$ROOT"/})"
}

demo_db_path() {
    if [ -n "${PRESALE_DEMO_DB:-}" ]; then
        printf '%s\n' "$PRESALE_DEMO_DB"
    else
        "$VPY" -c 'import platformdirs; print(platformdirs.user_data_path("presale-desk") / "demo.sqlite3")'
    fi
}

# The marker file tells a finished demo database from one whose build was interrupted.
build_demo_db() {
    local db=$1
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    : >"$db.incomplete"
    "$VENV/bin/presale" --db "$db" demo --orders 20000 && rm -f "$db.incomplete"
}

cmd_app() {
    local db
    setup app
    db=$(demo_db_path) || die "could not work out where the demo database goes (set PRESALE_DEMO_DB)"
    mkdir -p "$(dirname "$db")"
    if [ ! -f "$db" ] || [ -f "$db.incomplete" ]; then
        run_step "Creating the demo database $db (20,000 orders)" build_demo_db "$db" \
            || die "could not create the demo database (see $LOG)"
    else
        say "Demo database: $db"
    fi
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
        warn "no DISPLAY or WAYLAND_DISPLAY: the window may not open (try xvfb-run, or QT_QPA_PLATFORM=offscreen)."
    fi
    say "Starting presale-desk"
    exec "$VENV/bin/presale-desk" --db "$db" "$@"
}

cmd_test() {
    local failed=() rc=0
    setup test
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

    say "ruff check ."
    "$VENV/bin/ruff" check . || failed+=("ruff")
    say "mypy"
    "$VENV/bin/mypy" || failed+=("mypy")
    say "lint-imports"
    "$VENV/bin/lint-imports" || failed+=("import-linter")

    pg_for_tests
    say "pytest${*:+ $*}"
    local smoke=0 pytest_out="$ROOT/build/pytest.out"
    if [ "${CI:-}" = "true" ] || [ "${PRESALE_PACKAGING_SMOKE:-0}" = "1" ]; then
        smoke=1
    fi
    if [ "$smoke" -eq 1 ]; then
        # Kept, so pytest's summary can close the run again after the packaging step.
        "$VPY" -m pytest "$@" 2>&1 | tee "$pytest_out" || rc=${PIPESTATUS[0]}
    else
        "$VPY" -m pytest "$@" || rc=$?
    fi
    case "$rc" in
        0) ;;
        5)
            printf 'ERROR: pytest collected no tests (exit 5); CI must run tests.\n' >&2
            failed+=("pytest (no tests collected)")
            ;;
        *) failed+=("pytest (exit $rc)") ;;
    esac
    pg_stop

    # CI also builds the PyInstaller bundle and runs it once (about 40 s; the output
    # goes to the log): packaging breaks quietly otherwise.
    if [ "$smoke" -eq 1 ]; then
        run_step "Packaging smoke test (bash packaging/build.sh --smoke)" \
            bash packaging/build.sh --smoke || failed+=("packaging smoke test")
    fi

    if [ ${#failed[@]} -gt 0 ]; then
        printf 'FAILED checks: %s\n' "${failed[*]}" >&2
        return 1
    fi
    # Nothing else printed after a green run: pytest's summary stays the closing line.
    if [ "$smoke" -eq 1 ]; then
        tail -n 1 "$pytest_out"
    fi
}

cmd_pg_check() {
    local url
    mkdir -p "$(dirname "$LOG")"
    printf '### dev.sh pg-check, %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$LOG"
    check_python
    unset PRESALE_TEST_PG_URL
    pg_start || die "could not start PostgreSQL"
    url=$PRESALE_TEST_PG_URL
    say "PRESALE_TEST_PG_URL=$url"
    # psql takes the libpq form of the URL (no +psycopg driver suffix).
    psql "${url/+psycopg/}" -v ON_ERROR_STOP=1 -Atc 'select version()' \
        || die "psql could not query $url"
    if venv_ok && "$VPY" -c 'import psycopg' >/dev/null 2>&1; then
        "$VPY" - "$url" <<'EOF' || die "psycopg could not query the server"
import sys

import psycopg

url = sys.argv[1].replace("postgresql+psycopg://", "postgresql://", 1)
with psycopg.connect(url) as conn:
    (value,) = conn.execute("select 1").fetchone()
assert value == 1
print("psycopg: select 1 ->", value)
EOF
    fi
    pg_stop
    say "PostgreSQL stopped and removed"
}

usage() {
    sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

main() {
    local cmd=${1:-help}
    [ $# -gt 0 ] && shift
    case "$cmd" in
        setup) cmd_setup "$@" ;;
        app) cmd_app "$@" ;;
        test) cmd_test "$@" ;;
        pg-check) cmd_pg_check "$@" ;;
        help | -h | --help) usage ;;
        *)
            usage >&2
            die "unknown command '$cmd'"
            ;;
    esac
}

main "$@"
