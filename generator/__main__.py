"""``python -m generator`` works like ``verideck``."""
import sys

from .cli import main

sys.exit(main())
