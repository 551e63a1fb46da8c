"""`python -m annotator`, the `annotator` command and the executable all start here."""
import sys
import time

START = time.perf_counter()  # for the start-up timings (ANNOTATOR_TIMING=1)


def main() -> None:
    # sqlite-utils imports pandas when it is installed, for DataFrame features this application never
    # uses; where test tools put pandas in the environment that alone added half a second to start-up.
    sys.modules.setdefault("pandas", None)
    from annotator.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
