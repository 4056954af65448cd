"""The frozen app's entry script: PyInstaller needs a file, the app has a function.

Kept separate from ``superfone_desk/__main__.py`` so the package itself stays the same
in a checkout and in the bundle; this only hands over to it.
"""

import sys

from superfone_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
