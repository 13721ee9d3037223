"""Standard formats in: Open Badges 2.0/3.0 JSON, ESCO CSV and O*NET text files.

Each importer is pure: it turns what a file holds into the typed model, or into a mapping ready to be
written as a skillgap catalog, taxonomy or role file. Reading files goes through the same safe reader
as every other input, and nothing is fetched over the network.
"""
