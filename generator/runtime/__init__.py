"""The runtimes shipped verbatim into generated packages (``client``: ``NAME/_http/``)."""
