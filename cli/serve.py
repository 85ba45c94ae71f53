"""`summit-outlook serve`: the dashboard of the installed package, served by Streamlit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from summit_outlook.cli.common import Commands
from summit_outlook.paths import TRUSTED_PROXIES_VARIABLE, dashboard_app

DEFAULT_PORT = 8501
# Loopback only unless told otherwise: see the README's "Deploying for a team".
DEFAULT_ADDRESS = "127.0.0.1"
# Streamlit's settings for the dashboard, here rather than in a .streamlit/config.toml, which
# Streamlit reads from the folder it starts in and an installed copy starts anywhere.
STREAMLIT_OPTIONS: tuple[str, ...] = (
    *("--server.headless", "true"),
    *("--browser.gatherUsageStats", "false"),
    # The installed files do not change while serving: nothing to watch.
    *("--server.fileWatcherType", "none"),
    *("--theme.base", "light"),
    # The chart's outlook-line navy, so buttons and sliders do not read as warnings.
    *("--theme.primaryColor", "#1f3b73"),
    *("--client.toolbarMode", "minimal"),
    # An unexpected exception shows as a generic message: its traceback, with the server's paths,
    # goes to the server's log only.
    *("--client.showErrorDetails", "none"),
)


def streamlit_command(app: Path, *, port: int, address: str) -> list[str]:
    """The command that serves a Streamlit script with the dashboard's settings."""
    return [
        *(sys.executable, "-m", "streamlit", "run", str(app)),
        *("--server.port", str(port), "--server.address", address),
        *STREAMLIT_OPTIONS,
    ]


def server_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """The environment to serve with: as given, and trusting no proxy's X-Forwarded-For unless
    the operator named proxies in FORWARDED_ALLOW_IPS (uvicorn, left to itself, believes any
    client on this machine: see dashboard.auth)."""
    served = dict(environment)
    served.setdefault(TRUSTED_PROXIES_VARIABLE, "")
    return served


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {port} (use 1-65535)")
    return port


def add_command(commands: Commands) -> None:
    serve = commands.add_parser("serve", help="start the dashboard (Ctrl-C stops it)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"default: {DEFAULT_PORT}")
    serve.add_argument(
        "--address", default=DEFAULT_ADDRESS, help=f"address to listen on (default: {DEFAULT_ADDRESS})"
    )
    serve.set_defaults(handler=command_serve)


def command_serve(args: argparse.Namespace) -> None:
    command = streamlit_command(dashboard_app(), port=args.port, address=args.address)
    print(f"Summit Outlook: http://{_host(args.address)}:{args.port} (Ctrl-C stops it)", file=sys.stderr)
    sys.stderr.flush()
    _exec(command, server_environment(os.environ))


def _host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def _exec(command: Sequence[str], environment: Mapping[str, str]) -> None:
    """Become the server process, so signals (Ctrl-C, a service manager's stop) reach it directly."""
    os.execve(command[0], list(command), dict(environment))
