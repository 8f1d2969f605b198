"""The I/O layer: the command line, batch runs over files, tables (records) and text renderings."""
