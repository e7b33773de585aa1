from psepa.cli import main

main()
