from govreport.cli import run

run()
