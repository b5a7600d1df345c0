"""The runtimes shipped verbatim into generated packages (one package per side; see RUNTIME.md)."""
