"""Summit Outlook: dated, attributed diplomatic statements in, a summit-likelihood outlook out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("summit-outlook")
except PackageNotFoundError:  # imported from a checkout that was never installed
    __version__ = "0+unknown"
