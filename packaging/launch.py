"""Entry point of the PyInstaller bundle: the same as the ``presale-desk`` command."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
