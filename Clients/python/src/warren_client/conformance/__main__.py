"""``python -m warren_client.conformance``: see :func:`warren_client.conformance.runner.main`."""

import sys

from warren_client.conformance.runner import main

sys.exit(main())
