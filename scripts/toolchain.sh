# Sourced by start.sh, test.sh and friends: puts Node >= 22.12 and the pinned pnpm on PATH.
# A machine with only an older Node (and its npm) gets Node 24 and pnpm from the npm registry,
# installed once under .tools/ (ignored by git). Nothing is installed globally.
CHATIQ_ROOT="${CHATIQ_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
CHATIQ_TOOLS="$CHATIQ_ROOT/.tools"
CHATIQ_NODE_MAJOR=24
CHATIQ_PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$CHATIQ_ROOT/package.json")"

chatiq_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

chatiq_tools_install() { # <dir> <package@version>
  command -v npm >/dev/null 2>&1 || { echo "chatiq: npm is needed to fetch $2 (install Node.js first)" >&2; return 1; }
  mkdir -p "$1"
  # --ignore-scripts: neither package needs its install scripts to work.
  npm install --prefix "$1" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    --loglevel=error "$2" >&2
}

chatiq_ensure_node() {
  local bin="$CHATIQ_TOOLS/node/node_modules/.bin"
  [ -x "$bin/node" ] && export PATH="$bin:$PATH"
  chatiq_node_ok && return 0
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "chatiq: unsupported OS $(uname -s); install Node $CHATIQ_NODE_MAJOR yourself" >&2; return 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "chatiq: unsupported CPU $(uname -m); install Node $CHATIQ_NODE_MAJOR yourself" >&2; return 1 ;; esac
  echo "chatiq: Node $(node -v 2>/dev/null || echo 'not found') is too old; fetching Node $CHATIQ_NODE_MAJOR from the npm registry into .tools/" >&2
  chatiq_tools_install "$CHATIQ_TOOLS/node" "node-$os-$arch@$CHATIQ_NODE_MAJOR" || return 1
  mkdir -p "$bin" && ln -sf "../node-$os-$arch/bin/node" "$bin/node"
  export PATH="$bin:$PATH"
  chatiq_node_ok || { echo "chatiq: could not provide Node >= 22.12" >&2; return 1; }
}

chatiq_ensure_pnpm() {
  local dir="$CHATIQ_TOOLS/pnpm-$CHATIQ_PNPM_VERSION"
  if [ ! -f "$dir/node_modules/pnpm/bin/pnpm.cjs" ]; then
    echo "chatiq: fetching pnpm $CHATIQ_PNPM_VERSION into .tools/" >&2
    chatiq_tools_install "$dir" "pnpm@$CHATIQ_PNPM_VERSION" || return 1
  fi
  mkdir -p "$CHATIQ_TOOLS/bin"
  # Relative to the shim itself, so a tools folder reached through a link (a git worktree's
  # .tools pointing at the main checkout's) keeps working when that link goes away.
  local shim
  shim="$(printf '#!/bin/sh\nexec node "$(dirname "$0")/../pnpm-%s/node_modules/pnpm/bin/pnpm.cjs" "$@"\n' "$CHATIQ_PNPM_VERSION")"
  if [ "$(cat "$CHATIQ_TOOLS/bin/pnpm" 2>/dev/null)" != "$shim" ]; then
    printf '%s\n' "$shim" >"$CHATIQ_TOOLS/bin/pnpm.tmp.$$" && chmod +x "$CHATIQ_TOOLS/bin/pnpm.tmp.$$" &&
      mv -f "$CHATIQ_TOOLS/bin/pnpm.tmp.$$" "$CHATIQ_TOOLS/bin/pnpm"
  fi
  export PATH="$CHATIQ_TOOLS/bin:$PATH"
}

chatiq_ensure_deps() {
  # Install when node_modules is missing or older than the lockfile.
  local stamp="$CHATIQ_ROOT/node_modules/.modules.yaml"
  if [ ! -f "$stamp" ] || [ "$CHATIQ_ROOT/pnpm-lock.yaml" -nt "$stamp" ]; then
    echo "chatiq: installing dependencies (pnpm install)" >&2
    (cd "$CHATIQ_ROOT" && pnpm install --frozen-lockfile) || return 1
  fi
}

chatiq_toolchain() {
  chatiq_ensure_node && chatiq_ensure_pnpm && chatiq_ensure_deps
}
