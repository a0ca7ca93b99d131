"""Command-line parsing shared by the package's commands: `--help` on every
one, and a refused argument said in one line, never a usage block or a
traceback (nor a command run with arguments it ignores)."""

import argparse


class Parser(argparse.ArgumentParser):
    def error(self, message):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def no_arguments(module: str, doc: str, argv=None) -> None:
    """For a command that takes no arguments: --help prints its docstring; anything else is refused."""
    Parser(prog=f"python -m {module}", description=doc,
           formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
