"""A fork server for tests that start many short ``oagen generate`` processes (tests/test_kill.py).

``python tests/oagen_forkserver.py WARM_SPEC`` imports oagen and runs one generation (so the
templates are compiled and every stage imported), then, for each request line on stdin, forks a
child that runs ``generator.cli.main(argv)`` and leaves with its exit code, as the ``oagen``
command does (``generator.cli.run``), with the request's environment variables and its output in
a log file. Each child is a real process the test can kill like any other; it only skips
Python's start-up and imports, and compiling the templates: the server hands every
environment the compiled templates of its first run (``render.TemplateCode``, oagen's own
in-memory cache for big specs; Jinja recompiles a template whose source changed). What the
children write, and how, is untouched.

Requests and answers are JSON lines:
``{"run": [ARG, ...], "env": {NAME: VALUE}, "log": PATH}`` → ``{"pid": PID}``;
``{"wait": PID}`` → ``{"status": CODE}`` (the exit code, or minus the signal that ended it).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile


def _child(request: dict) -> None:  # type: ignore[type-arg]
    from generator.cli import main

    code = 1
    try:
        os.environ.update(request.get("env", {}))
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        code = main(request["run"])
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve(warm_spec: str) -> None:
    from generator import render
    from generator.cli import main

    compiled = render.TemplateCode()
    environment = render.environment

    def with_compiled(user_dir=None, code=None):  # type: ignore[no-untyped-def]
        return environment(user_dir, code if code is not None else compiled)

    render.environment = with_compiled
    with tempfile.TemporaryDirectory() as scratch:
        main(["generate", warm_spec, "-o", os.path.join(scratch, "out"), "--no-format", "--no-validate", "-q"])
    for line in sys.stdin:
        request = json.loads(line)
        if "run" in request:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(request)
            answer = {"pid": pid}
        else:
            _, status = os.waitpid(request["wait"], 0)
            answer = {"status": os.waitstatus_to_exitcode(status)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    serve(sys.argv[1])
