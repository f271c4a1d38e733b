"""`python -m crisisdesk`: the same command line as the `crisisdesk` script."""

from crisisdesk.serve.cli import main

main()
