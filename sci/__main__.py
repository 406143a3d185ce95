"""`python -m sci` is the same as the `sci` console script."""

from sci.cli import main

main()
