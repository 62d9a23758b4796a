# SPDX-License-Identifier: GPL-3.0-or-later
"""Import Debian's python3-* modules for the checkers in tests/tools.

A python3 from pyenv or a venv does not see Debian's dist-packages: then the checker runs again,
once, under /usr/bin/python3, or stops with the apt-get line that installs what is missing.
"""

import importlib
import os
import sys

DEBIAN_PYTHON = "/usr/bin/python3"


def import_or_reexec(tool, modules, package):
    """Return the imported `modules` (names), re-executing `tool` under Debian's python3 if one
    is missing here; exit naming the Debian `package` if it is missing there too."""
    try:
        return [importlib.import_module(name) for name in modules]
    except ImportError:
        marker = "WERKSTATT_" + tool.upper() + "_REEXEC"
        if (
            os.path.exists(DEBIAN_PYTHON)
            and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON)
            and not os.environ.get(marker)
        ):
            os.environ[marker] = "1"
            os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, *sys.argv])
        sys.exit(f"{tool}: error: {package} is missing; apt-get install -y {package}")
