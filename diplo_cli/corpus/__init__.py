"""Beyond one document: the same meeting across a corpus (``events``), who met whom as a network
(``network``) and a self-contained HTML report (``report``)."""
