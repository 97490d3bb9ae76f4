#!/usr/bin/env bash
# Build Presale Desk as a one-folder PyInstaller bundle: dist/presale-desk/.
#
#   bash packaging/build.sh            build (PyInstaller goes into .venv if missing)
#   bash packaging/build.sh --smoke    build, then check the bundle runs:
#                                      --check-install, a screenshot of a 500-order demo
#                                      shop, and a new database created in Chinese
#   bash packaging/build.sh --smoke --no-build   check the bundle already in dist/
#
# Needs .venv (bash scripts/dev.sh setup). Work files go to build/pyinstaller (kept, so
# a rebuild is quicker), the bundle to dist/presale-desk; both are ignored by git.
# The bundle needs the system's Qt libraries (libEGL, libxkbcommon, fontconfig...:
# scripts/dev.sh installs them on Debian) and brings its own CJK font.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VPY="$ROOT/.venv/bin/python"
DIST="$ROOT/dist/presale-desk"
APP="$DIST/presale-desk"
SMOKE=0
BUILD=1

for arg in "$@"; do
    case "$arg" in
        --smoke) SMOKE=1 ;;
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,/^set -euo pipefail/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option '$arg'" >&2; exit 2 ;;
    esac
done

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

[ -x "$VPY" ] || die "no .venv: run 'bash scripts/dev.sh setup' first"

build() {
    local start=$SECONDS
    if ! "$VPY" -c 'import PyInstaller' >/dev/null 2>&1; then
        say "Installing PyInstaller into .venv"
        PIP_DISABLE_PIP_VERSION_CHECK=1 "$VPY" -m pip install -q "pyinstaller>=6.10" \
            || die "could not install PyInstaller"
    fi
    say "Building translations"
    "$VPY" -m app.i18n build
    say "PyInstaller $("$VPY" -m PyInstaller --version)"
    "$VPY" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
        packaging/presale-desk.spec
    [ -x "$APP" ] || die "PyInstaller made no $APP"
    say "Built $DIST in $((SECONDS - start)) s, $(du -sh "$DIST" | cut -f1)"
}

# png_size FILE: "WIDTHxHEIGHT" from the PNG header.
png_size() {
    "$VPY" - "$1" <<'EOF'
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", head[16:24])
print(f"{w}x{h}")
EOF
}

smoke() {
    local tmp start=$SECONDS size
    [ -x "$APP" ] || die "no bundle at $APP (build it first)"
    tmp=$(mktemp -d /tmp/presale-smoke.XXXXXX)
    # shellcheck disable=SC2064
    trap "rm -rf '$tmp'" RETURN
    # The bundle runs as a user would, but with its own home: no settings, logs or demo
    # shop of the machine's user are read or written, and nothing points at the sources.
    local env=(env -u PRESALE_RESOURCES -u PRESALE_DB_URL -u PYTHONPATH
               HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config"
               XDG_DATA_HOME="$tmp/home/data" QT_QPA_PLATFORM=offscreen)
    mkdir -p "$tmp/home"

    say "Smoke: --check-install"
    "${env[@]}" "$APP" --check-install || die "the bundle misses files (above)"

    say "Smoke: demo shop with 500 orders (made by the venv's presale)"
    "$ROOT/.venv/bin/presale" --db "$tmp/demo.sqlite3" demo --orders 500 >/dev/null \
        || die "presale demo failed"
    say "Smoke: --screenshot of the demo shop"
    "${env[@]}" "$APP" --db "$tmp/demo.sqlite3" --screenshot "$tmp/x.png" \
        || die "the bundle exited $? on --screenshot"
    [ -s "$tmp/x.png" ] || die "no screenshot written"
    size=$(png_size "$tmp/x.png")
    [ "$size" = "1366x768" ] || die "screenshot is $size, not 1366x768"

    say "Smoke: a new database, created by the bundle's migrations, in Chinese"
    "${env[@]}" "$APP" --db "$tmp/new.sqlite3" --lang zh --page orders \
        --screenshot "$tmp/new.png" || die "the bundle could not create a database"
    [ -s "$tmp/new.png" ] || die "no screenshot of the new database"
    if [ -n "${PRESALE_SMOKE_KEEP:-}" ]; then
        cp "$tmp/x.png" "$tmp/new.png" "$PRESALE_SMOKE_KEEP"/
    fi
    say "Smoke test passed in $((SECONDS - start)) s"
}

[ "$BUILD" -eq 1 ] && build
[ "$SMOKE" -eq 1 ] && smoke
exit 0
