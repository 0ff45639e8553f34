from optout.cli import main

raise SystemExit(main())
