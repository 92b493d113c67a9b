#!/usr/bin/env bash
# Measures the real window (release binary, glow on Mesa llvmpipe under Xvfb): cold start to
# first frame, idle CPU over 60 s, and resident memory with a 10,000-indicator workspace.
#
# Usage: tools/measure-window.sh [BINARY]   (default: $CARGO_TARGET_DIR/release/jixiao)
# Environment: RUNS (cold starts, default 7), IDLE_SECONDS (default 60), SETTLE_SECONDS
# (wait after the window appears before reading memory or starting the idle count, default 5).
#
# How each number is taken (no hook in the app is needed):
# - Cold start to first frame: eframe keeps the window hidden until the first frame is
#   painted and swapped, then maps it (eframe 0.37 `EpiIntegration::post_rendering` →
#   `window.set_visible(true)`). So the X MapNotify of the app's window marks the first
#   frame presented. `xev -root -event substructure` reports it; a Python helper stamps
#   the time from just before it starts the process to the line that arrives.
# - Idle CPU: utime+stime of /proc/PID/stat (whole process, all threads; clock ticks) before
#   and after IDLE_SECONDS with no input, as a share of one core. Xvfb's own CPU over the
#   same time is reported beside it (a repainting app makes the X server work too).
# - Memory: VmRSS and VmHWM of /proc/PID/status after SETTLE_SECONDS with the evaluation
#   view of the synthetic 10,000-indicator workspace shown (the app opens the first evaluation).
#
# Each run gets a fresh HOME, so no recent-file list or recovery copy changes what opens:
# without a file argument the bundled sample opens.
set -euo pipefail

BIN=${1:-${CARGO_TARGET_DIR:-target}/release/jixiao}
RUNS=${RUNS:-7}
IDLE_SECONDS=${IDLE_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-5}
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release first)" >&2; exit 1; }
for tool in Xvfb xev xdotool xdpyinfo python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y xvfb x11-utils xdotool python3)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/measure-window.XXXXXX)
XVFB_PID=
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A display of our own, so nothing else on the machine draws into it.
DISPLAY_NUM=${DISPLAY_NUM:-97}
Xvfb ":$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || sleep 1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "binary: $BIN ($(stat -c %s "$BIN") bytes)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# The helper: starts xev, then the app; prints the seconds from spawn to the MapNotify of a
# window, then keeps the app running for the given number of seconds and reports on it.
cat >"$WORK/run.py" <<'PY'
# Helper of measure-window.sh: start the app, time its first map, then measure idle CPU/RSS.
import os, subprocess, sys, time

binary, home, mode, settle, idle = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
args = sys.argv[6:]
xev = subprocess.Popen(["xev", "-root", "-event", "substructure"], stdout=subprocess.PIPE, text=True, bufsize=1)
time.sleep(0.3)  # let xev select its events first
env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + "/.config", XDG_DATA_HOME=home + "/.local/share")
t0 = time.monotonic()
app = subprocess.Popen([binary, *args], env=env, stdout=subprocess.DEVNULL, stderr=open(home + "/app.log", "w"))
mapped = None
for line in xev.stdout:
    if line.startswith("MapNotify"):
        mapped = time.monotonic() - t0
        break
xev.kill()
if mapped is None or app.poll() is not None:
    print("FAILED: the window never appeared; app log:", open(home + "/app.log").read(), file=sys.stderr)
    sys.exit(1)

def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)

def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for l in f:
            if l.startswith(key + ":"):
                return int(l.split()[1])  # kB

hz = os.sysconf("SC_CLK_TCK")
if mode == "start":
    print(f"{mapped:.4f}")
else:
    time.sleep(settle)
    if mode == "edited":
        # An edit (分值 of row 4 of the sample's first evaluation, at its place in a
        # 1440x880 window at the screen's top left), then time for the recovery copy
        # (written 3 s after the last edit) to be written.
        def xdo(*a):
            subprocess.run(["xdotool", *a], check=True)
        # No window manager: give the window the keyboard focus first (winit drops keys else).
        win = subprocess.run(["xdotool", "search", "--pid", str(app.pid)], capture_output=True, text=True).stdout.split()[-1]
        xdo("windowfocus", win); time.sleep(0.2)
        xdo("mousemove", "524", "214"); xdo("click", "1"); time.sleep(0.3)
        xdo("type", "3"); xdo("key", "Return"); time.sleep(0.3)
        xdo("mousemove", "1400", "1000")  # off the window: no hover
        time.sleep(8)
        copies = [os.path.join(d, f) for d, _, fs in os.walk(home) for f in fs if "recover" in os.path.join(d, f).lower()]
        print("recovery copy written (the edit landed):", copies or "NONE - the click missed")
    xvfb = int(os.environ["XVFB_PID"])
    rss, hwm = status(app.pid, "VmRSS"), status(app.pid, "VmHWM")
    threads = status(app.pid, "Threads")
    anon, file_, shmem = status(app.pid, "RssAnon"), status(app.pid, "RssFile"), status(app.pid, "RssShmem")
    print(f"first frame (map) after {mapped:.3f} s; after {settle:.0f} s more: VmRSS {rss/1024:.1f} MiB (RssAnon {anon/1024:.1f}, RssFile {file_/1024:.1f}, RssShmem {shmem/1024:.1f}), VmHWM {hwm/1024:.1f} MiB, {threads} threads")
    if idle > 0:
        a0, x0, w0 = ticks(app.pid), ticks(xvfb), time.monotonic()
        time.sleep(idle)
        a1, x1, w1 = ticks(app.pid), ticks(xvfb), time.monotonic()
        wall = w1 - w0
        print(f"idle {wall:.1f} s: app {a1-a0} ticks = {100*(a1-a0)/hz/wall:.3f}% of a core; Xvfb {x1-x0} ticks = {100*(x1-x0)/hz/wall:.3f}% (1 tick = {1000/hz:.0f} ms)")
        print(f"VmRSS after idle {status(app.pid, 'VmRSS')/1024:.1f} MiB")
app.terminate()
try:
    app.wait(5)
except subprocess.TimeoutExpired:
    app.kill()
PY
export XVFB_PID

echo
echo "== cold start to first frame (bundled sample), $RUNS runs =="
: >"$WORK/starts"
for i in $(seq "$RUNS"); do
    H="$WORK/home-start-$i"; mkdir -p "$H"
    t=$(python3 "$WORK/run.py" "$BIN" "$H" start 0 0)
    echo "run $i: $t s (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$t" >>"$WORK/starts"
    sleep 1
done
sort -n "$WORK/starts" | python3 -c '
import sys, statistics
v = [float(l) for l in sys.stdin]
print(f"cold start: median {statistics.median(v):.3f} s, min {min(v):.3f} s, max {max(v):.3f} s over {len(v)} runs")'

echo
echo "== idle CPU, bundled sample, ${IDLE_SECONDS} s without input =="
H="$WORK/home-idle"; mkdir -p "$H"
python3 "$WORK/run.py" "$BIN" "$H" idle "$SETTLE_SECONDS" "$IDLE_SECONDS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== idle CPU after an edit (bundled sample; click, type 3, Enter, 8 s for the recovery copy) =="
H="$WORK/home-edited"; mkdir -p "$H"
python3 "$WORK/run.py" "$BIN" "$H" edited "$SETTLE_SECONDS" "$IDLE_SECONDS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== memory with 10,000 indicators (evaluation view) =="
H="$WORK/home-mem"; mkdir -p "$H"
"$BIN" synth --indicators 10000 -o "$WORK/w10k.ron" >/dev/null
echo "workspace: $(stat -c %s "$WORK/w10k.ron") bytes"
python3 "$WORK/run.py" "$BIN" "$H" idle "$SETTLE_SECONDS" "${MEM_IDLE_SECONDS:-$IDLE_SECONDS}" "$WORK/w10k.ron"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
