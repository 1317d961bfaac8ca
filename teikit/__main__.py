"""Allow ``python -m teikit``."""

from teikit.cli import main

main()
