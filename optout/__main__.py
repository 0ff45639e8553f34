from optout.cli.main import main

raise SystemExit(main())
