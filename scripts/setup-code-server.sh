#!/usr/bin/env bash
# Install code-server (VS Code for the browser) for the end-to-end test tier.
#
#   scripts/setup-code-server.sh [DIR]
#
# DIR defaults to <repo>/.vscode-test/code-server (git-ignored). The script is
# idempotent: when DIR already holds a complete install (marker file present and
# the native modules in place) it returns at once.
#
# Needs the Debian packages chromium fonts-noto-cjk ripgrep libkrb5-dev
# libsecret-1-dev libx11-dev libxkbfile-dev (and a C++ toolchain for node-gyp).
# Everything else comes from the npm registry; no prebuilt binary is downloaded
# from anywhere else (ripgrep is taken from /usr/bin/rg, install scripts that
# would download are skipped with --ignore-scripts and the native modules are
# compiled by `npm rebuild` against the local Node headers).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$REPO_ROOT/.vscode-test/code-server}"
MARKER_NAME=".bulletin-check-setup-complete"

log() { printf '[setup-code-server] %s\n' "$*" >&2; }
die() { printf '[setup-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
MARKER="$DIR/$MARKER_NAME"
CS="$DIR/node_modules/code-server"
VSC="$CS/lib/vscode"

# Native modules code-server needs at run time. Each entry is a glob relative
# to DIR; at least one file must match.
REQUIRED_NATIVE=(
  "node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node"
  "node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  "node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node"
  "node_modules/code-server/lib/vscode/node_modules/@parcel/watcher*/**/watcher.node"
  "node_modules/argon2/**/argon2.node"
)

check_native() {
  local missing=0 pattern
  shopt -s globstar nullglob
  for pattern in "${REQUIRED_NATIVE[@]}"; do
    # shellcheck disable=SC2206
    local matches=( "$DIR"/$pattern )
    if [ "${#matches[@]}" -eq 0 ]; then
      log "missing native module: $pattern"
      missing=1
    fi
  done
  shopt -u globstar nullglob
  return "$missing"
}

is_complete() {
  [ -f "$MARKER" ] \
    && [ "$(cat "$MARKER")" = "code-server@$CODE_SERVER_VERSION" ] \
    && [ -f "$CS/out/node/entry.js" ] \
    && [ -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" ] \
    && check_native 2>/dev/null
}

if is_complete; then
  log "code-server@$CODE_SERVER_VERSION already installed in $DIR"
  exit 0
fi

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
RG="$(command -v rg || true)"
[ -n "$RG" ] || die "ripgrep (rg) is not installed: apt-get install ripgrep"

rm -f "$MARKER"
SETUP_LOG="$DIR/setup.log"
: > "$SETUP_LOG"
log "installing code-server@$CODE_SERVER_VERSION into $DIR (details in $SETUP_LOG)"
start=$(date +%s)

# Runs a command with its (long) output going to the setup log; on failure
# shows the end of the log and stops.
run() {
  if ! "$@" >>"$SETUP_LOG" 2>&1; then
    tail -n 60 "$SETUP_LOG" >&2
    die "command failed in $(pwd): $*"
  fi
}

# The install runs non-interactively (CI has no stdin): let npm answer yes.
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false
# Compile native modules locally: their prebuilt-binary downloads (GitHub
# releases) are not reachable from every machine.
export npm_config_build_from_source=true

[ -f "$DIR/package.json" ] || printf '{ "private": true }\n' > "$DIR/package.json"
run npm install --prefix "$DIR" "code-server@$CODE_SERVER_VERSION" --ignore-scripts --save-exact

[ -f "$CS/out/node/entry.js" ] || die "code-server was not installed ($CS/out/node/entry.js missing)"

log "installing VS Code's runtime dependencies"
(
  cd "$VSC"
  run npm install --omit=dev --ignore-scripts
  # @vscode/ripgrep's postinstall downloads a binary from GitHub; use the
  # system's ripgrep instead.
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$RG" node_modules/@vscode/ripgrep/bin/rg
  chmod +x node_modules/@vscode/ripgrep/bin/rg
  log "building VS Code's native modules (npm rebuild)"
  run npm rebuild --foreground-scripts
  ln -sfn node_modules node_modules.asar
  log "installing the built-in extensions' dependencies"
  cd extensions
  run npm install --omit=dev
)

log "building argon2"
(cd "$DIR" && run npm rebuild argon2 --foreground-scripts)

# npm 11 may skip lifecycle scripts silently; make sure the native modules
# really exist, and rebuild the missing ones one by one if not.
if ! check_native; then
  log "some native modules are missing after npm rebuild; rebuilding them with node-gyp directly"
  for mod in node-pty @vscode/spdlog native-watchdog @parcel/watcher; do
    if [ -f "$VSC/node_modules/$mod/binding.gyp" ]; then
      (cd "$VSC/node_modules/$mod" && npx --yes node-gyp rebuild >>"$SETUP_LOG" 2>&1) || true
    fi
  done
  check_native || die "native modules are missing after the build (see messages above): is a C++ toolchain and are libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev installed?"
fi

# Smoke test: the server must at least print its version.
# (XDG_CONFIG_HOME keeps it from writing a config file into the user's home.)
version_out="$(XDG_CONFIG_HOME="$DIR/.config" node "$CS/out/node/entry.js" --version 2>&1 || true)"
echo "$version_out" | grep -q "^$CODE_SERVER_VERSION " \
  || die "code-server --version printed '$version_out', expected $CODE_SERVER_VERSION"
version_out="$(echo "$version_out" | grep "^$CODE_SERVER_VERSION ")"

printf 'code-server@%s' "$CODE_SERVER_VERSION" > "$MARKER"
log "done in $(( $(date +%s) - start ))s: $version_out"
