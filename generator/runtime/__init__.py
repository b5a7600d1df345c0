"""The runtimes: code of this repository shipped verbatim into generated packages (see
``targets/runtime_files.py``); ``client/`` becomes ``NAME/_http/``, ``server/`` becomes
``NAME/server/_runtime/``."""
