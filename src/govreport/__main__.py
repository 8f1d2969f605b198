from govreport.io.cli import run

run()
