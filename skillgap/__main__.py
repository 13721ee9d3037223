from skillgap.cli.main import run

run()
