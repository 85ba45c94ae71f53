"""`python -m summit_outlook`: the command line."""

import sys

from summit_outlook.cli import main

sys.exit(main())
