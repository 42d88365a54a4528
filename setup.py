"""One build step pyproject.toml cannot say: ship main.py inside the wheel as clubfit/_main.py.

main.py stays at the repository root as the composition root (``python main.py`` and the tests
use it there); installing it as a top-level ``main`` module would be a name any other package
could clash with in site-packages. Everything else is configured in pyproject.toml."""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):   # editable installs run the root main.py
            self.copy_file("main.py",   # the backend runs in the project root
                           str(Path(self.build_lib, "clubfit", "_main.py")))


setup(cmdclass={"build_py": BuildPy})
