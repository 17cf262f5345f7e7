import sys

from assessment.cli import main

sys.exit(main())
