"""Many inputs: files, directories (walked as ripgrep does), URLs and JSON Lines records
(``inputs``, ``walk``), extracted in worker processes (``parallel``) or on a Dask cluster
(``dask``), with plain-dict records in and out for distributed engines (``records``)."""
