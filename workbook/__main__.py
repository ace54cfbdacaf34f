"""``python -m workbook`` does exactly what the ``workbook`` command does."""

from workbook.cli import main

raise SystemExit(main())
