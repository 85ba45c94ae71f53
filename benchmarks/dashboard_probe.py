"""Time one dashboard session in a fresh interpreter: a cold script run, then slider moves.

Run by the harness as `python -m benchmarks.dashboard_probe APP --reruns N --timeout S` with
SUMMIT_OUTLOOK_STATEMENTS naming the statements CSV; prints one JSON line
{"cold": seconds, "reruns": [seconds, ...]} or {"error": "...", "cold": seconds | null}.
A fresh process per session keeps st.cache_data from an earlier session out of the cold start.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from numbers import Real

from streamlit.testing.v1 import AppTest

# Where the slider goes on successive reruns, as fractions of its range: big moves, like a user's.
SLIDER_STOPS = (0.75, 0.25, 0.6, 0.4, 0.9, 0.1)


def _slider_value(slider, stop: float) -> object:
    """A value `stop` of the way along the slider, snapped to its step; min/max for non-numbers."""
    low, high, current = slider.min, slider.max, slider.value
    if isinstance(current, list | tuple):
        return [low, high] if list(current) != [low, high] else [low, low]
    if not (isinstance(low, Real) and isinstance(high, Real)):
        return high if current != high else low
    step = float(slider.step) if isinstance(slider.step, Real) and slider.step else (high - low) / 100
    value = low + round((high - low) * stop / step) * step
    value = min(max(value, low), high)
    return type(current)(value) if isinstance(current, int) else value


def probe(app: str, *, reruns: int, timeout: float) -> dict:
    at = AppTest.from_file(app, default_timeout=timeout)
    start = time.perf_counter()
    try:
        at.run()
    except RuntimeError as error:  # AppTest raises RuntimeError when the script outruns the timeout
        message = str(error).lower()
        return {
            "error": f"cold run: {error}",
            "cold": None,
            "timed_out": "timed out" in message or "timeout" in message,
        }
    cold = time.perf_counter() - start
    if at.exception:
        return {"error": f"script raised: {at.exception[0].message}", "cold": cold}
    if not at.slider:
        return {"error": "the app has no slider", "cold": cold}
    times = []
    for stop in SLIDER_STOPS[:reruns]:
        at.slider[0].set_value(_slider_value(at.slider[0], stop))
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            return {"error": f"rerun raised: {at.exception[0].message}", "cold": cold}
    return {"cold": cold, "reruns": times}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app")
    parser.add_argument("--reruns", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    try:
        result = probe(args.app, reruns=min(args.reruns, len(SLIDER_STOPS)), timeout=args.timeout)
    except Exception as error:  # any failure of a half-written app is a row "n/a (reason)"
        result = {"error": f"{type(error).__name__}: {error}", "cold": None}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
