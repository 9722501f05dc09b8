"""``python -m coupang_cli``: the ``coupang-seller`` command."""

import sys

from coupang_cli import main

if __name__ == "__main__":
    sys.exit(main())
