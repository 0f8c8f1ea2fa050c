"""What a language knows, loaded once: its data folder read (``datafiles``), compiled into a
:class:`~diplo_cli.language.lexicons.Lexicon` with the user's gazetteers (``gazetteer``) and rule
packs (``rulepack``), country codes (``codes``), the confidence table (``confidence``), and the
stage objects built from it (``loader``: :func:`~diplo_cli.language.loader.load_language`).

This package's ``__init__`` imports nothing, so that a stage can import ``language.lexicons``
without loading the stages that ``loader`` assembles."""
