"""The split layout's lazy clients: operation methods imported on first use, so importing the
client of a big API stays fast however many operations it has."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, cast

from .core import Core


def lazy_operations(
    base: type[Core], side: str, package: str, modules: Mapping[str, str]
) -> type[Core]:
    """The base of a client in the split layout: ``base`` whose operation methods are loaded on
    first use. ``modules`` maps each operation to its module in ``package``, whose class ``side``
    (``Sync`` or ``Async``) defines the method; the first look-up of ``client.op`` (or
    ``Client.op``) imports that module and keeps the method on the class, so later calls cost
    what a plain method costs."""

    def load(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(name)
        function = vars(getattr(importlib.import_module(f"{package}.{module}"), side))[name]
        setattr(operations, name, function)
        return function

    class LazyOperations(type):
        def __getattr__(cls, name: str) -> Any:
            try:
                return load(name)
            except AttributeError:
                raise AttributeError(
                    f"type object {cls.__name__!r} has no attribute {name!r}"
                ) from None

        def __dir__(cls) -> list[str]:
            return sorted({*type.__dir__(cls), *modules})

    def instance_getattr(self: Core, name: str) -> Any:
        try:
            function = load(name)
        except AttributeError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}"
            ) from None
        return function.__get__(self, type(self))

    def instance_dir(self: Core) -> list[str]:
        return sorted({*object.__dir__(self), *modules})

    namespace = {
        "__getattr__": instance_getattr,
        "__dir__": instance_dir,
        "__module__": base.__module__,
    }
    operations = cast(type[Core], LazyOperations(f"Lazy{base.__name__}", (base,), namespace))
    return operations
