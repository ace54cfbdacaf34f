"""``python -m workbook`` does exactly what the ``workbook`` command does."""

from workbook.start import main

raise SystemExit(main())
