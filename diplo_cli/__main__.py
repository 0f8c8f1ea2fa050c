from diplo_cli.cli import main

main()
