"""Bytes → document (plain JSON data) + a lazy source map.

YAML is read the way a YAML 1.2 / JSON tool reads it (js-yaml is what most specs were written
with): ``NO``, ``on`` and ``2014-06-30`` stay strings, map keys are the key's text (``200:`` is
"200"), and a stream whose only non-empty document is followed by ``---`` is accepted.
Line and column numbers are found only when a diagnostic needs them.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .diagnostics import Diagnostic, FatalError, Severity, SourceRef, counted, split_pointer
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:  # the C loader has the pure-Python one's interface
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_BaseLoader):
    """A safe loader with YAML 1.2 core-schema scalars and string keys."""

    duplicates: list[tuple[str, int, int]]
    # Findings a YAML 1.1 or JSON reader would disagree on: (kind) -> [count, line, col, example].
    readings: dict[str, list[Any]]

    def _note(self, kind: str, node: yaml.Node, example: str) -> None:
        entry = self.readings.get(kind)
        if entry is None:
            mark = node.start_mark
            self.readings[kind] = [1, mark.line + 1, mark.column + 1, example]
        else:
            entry[0] += 1

    def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> Any:
        value = super().construct_scalar(node)
        # A mapping reaches here too (``!!str {!!value "=": x}`` reads as "x"); only plain scalars are noted.
        if isinstance(node, yaml.ScalarNode) and not node.style and isinstance(value, str) \
                and _YAML11_SPECIAL.match(value) and node.tag == "tag:yaml.org,2002:str" and hasattr(self, "readings"):
            self._note("yaml11", node, value)
        return value
    alias_count: int

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        # Every key is the key's text (a str); the base class's signature says Hashable.
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        result: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if key_node.tag != "tag:yaml.org,2002:str" and not key_node.style:
                    self._note("key", key_node, key)
            else:
                key = json.dumps(self.construct_object(key_node, deep=True), default=str)
            if key in result:
                mark = key_node.start_mark
                self.duplicates.append((key, mark.line + 1, mark.column + 1))
            result[key] = self.construct_object(value_node, deep=deep)
        return result


_YAML11_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
    r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt ].*)?)$"
)


def _add_core_resolvers(cls: type[yaml.SafeLoader]) -> None:
    # YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    )
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+0123456789."),
    )
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )


# The loader's own resolver table, not the YAML 1.1 one it would inherit: the core schema alone.
_Yaml12Loader.yaml_implicit_resolvers = {}
_add_core_resolvers(_Yaml12Loader)


def _construct_int(loader: _Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = str(node.value)
    if len(text) > DEFAULT_LIMITS.max_number_digits:
        raise yaml.constructor.ConstructorError(
            None, None, f"integer of {len(text)} digits is too large", node.start_mark)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


def _construct_float(loader: _Yaml12Loader, node: yaml.ScalarNode) -> float:
    text = str(node.value).lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text.endswith("nan") else float(text)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
# An explicit !!timestamp or !!binary stays text: JSON has neither.
_Yaml12Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: str(node.value))
_Yaml12Loader.add_constructor("tag:yaml.org,2002:binary", lambda loader, node: str(node.value))


def _construct_set(loader: _Yaml12Loader, node: yaml.MappingNode) -> dict[Hashable, Any]:
    return loader.construct_mapping(node)


# A !!set is a mapping with null values in YAML terms: keep it one (a Python set has no order).
_Yaml12Loader.add_constructor("tag:yaml.org,2002:set", _construct_set)


@dataclass(slots=True, kw_only=True)
class Document:
    """A loaded file: its data, its text, and where each JSON pointer sits in it."""

    data: Any
    file: str
    path: Path | None
    text: str
    is_json: bool
    load_warnings: list[Diagnostic] = field(default_factory=list)
    _roots: list[yaml.Node] | None = None

    def src(self, pointer: str) -> SourceRef:
        """A source reference (line/column filled in later, when needed)."""
        return SourceRef(pointer=pointer, file=self.file)

    def locate_many(self, pointers: list[str]) -> dict[str, tuple[int, int]]:
        """Line and column of several pointers at once (one pass over a JSON text)."""
        if self.is_json:
            return json_positions(self.text, pointers)
        result = {}
        for pointer in pointers:
            where = self.locate(pointer)
            if where is not None:
                result[pointer] = where
        return result

    def locate(self, pointer: str) -> tuple[int, int] | None:
        """Line and column (1-based) of the node at ``pointer``; the nearest existing parent."""
        if self.is_json:
            return json_positions(self.text, [pointer]).get(pointer)
        node = self._root_node()
        if node is None:
            return None
        for token in split_pointer(pointer):
            child = _child_node(node, token)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _root_node(self) -> yaml.Node | None:
        if self._roots is None:
            try:
                self._roots = [n for n in yaml.compose_all(self.text, Loader=_Yaml12Loader)
                               if n is not None and not _is_empty_node(n)]
            except yaml.YAMLError:
                self._roots = []
        return self._roots[0] if len(self._roots) == 1 else None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],]')
_NOT_SPACE = re.compile(r"\S")


def json_positions(text: str, pointers: list[str]) -> dict[str, tuple[int, int]]:
    """Line and column of each pointer's node (or its nearest parent) in a JSON text.

    One pass over the tokens; containers off every wanted path are skipped whole.
    """
    wanted = {p: tuple(split_pointer(p)) for p in pointers}
    prefixes = {w[:i] for w in wanted.values() for i in range(len(w) + 1)}
    offsets: dict[tuple[str, ...], int] = {}
    start = _NOT_SPACE.search(text)
    offsets[()] = start.start() if start else 0
    frames: list[list[Any]] = []  # [path, is_object, key, index, expecting_key]
    skip = json.JSONDecoder().raw_decode  # a container off every path: skipped at C speed

    def after(pos: int) -> int:
        found = _NOT_SPACE.search(text, pos)
        return found.start() if found else pos

    pos = 0
    while (match := _JSON_TOKEN.search(text, pos)) is not None:
        pos = match.end()
        tok = match.group()
        top = frames[-1] if frames else None
        if tok[0] == '"':
            if top is not None and top[1] and top[4]:
                top[2], top[4] = json.loads(tok), False
                path = (*top[0], top[2])
                if path in prefixes:
                    offsets[path] = match.start()
            continue
        if tok == ",":
            if top is not None:
                if top[1]:
                    top[4] = True
                else:
                    top[3] += 1
                    path = (*top[0], str(top[3]))
                    if path in prefixes:
                        offsets[path] = after(match.end())
            continue
        if tok in "}]":
            if frames:
                frames.pop()
            continue
        path = () if top is None else (*top[0], top[2]) if top[1] else (*top[0], str(top[3]))
        if path not in prefixes:
            try:
                pos = skip(text, match.start())[1]
            except (ValueError, RecursionError):  # not JSON after all, or very deep: count brackets
                depth = 1
                while depth and (inner := _JSON_TOKEN.search(text, pos)) is not None:
                    pos = inner.end()
                    ch = inner.group()[0]
                    depth += 1 if ch in "{[" else -1 if ch in "}]" else 0
            continue
        frames.append([path, tok == "{", None, 0, True])
        first = (*path, "0")
        if tok == "[" and first in prefixes:
            offsets[first] = after(match.end())
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    result = {}
    for pointer, tokens_ in wanted.items():
        for cut in range(len(tokens_), -1, -1):
            if tokens_[:cut] in offsets:
                offset = offsets[tokens_[:cut]]
                line = bisect.bisect_right(line_starts, offset)
                result[pointer] = (line, offset - line_starts[line - 1] + 1)
                break
    return result


def _is_empty_node(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _child_node(node: yaml.Node, token: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        found = None
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                found = value  # the last one wins, as in the data
        return found
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        return node.value[index] if index < len(node.value) else None
    return None


def _fatal(code: str, message: str, file: str, line: int | None = None, col: int | None = None,
           hint: str = "") -> FatalError:
    src = SourceRef(file=file, line=line, col=col)
    return FatalError([Diagnostic(code=code, severity=Severity.ERROR, message=message, src=src, hint=hint)])


def read_source(spec: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str, Path | None]:
    """Read a spec's bytes from a path, or standard input for ``-``."""
    if spec == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        file, path = "<stdin>", None
    else:
        path = Path(spec)
        file = spec
        try:
            if path.is_dir():
                raise _fatal("OAG001", "is a folder, not a spec file", file, hint="pass the spec file itself")
            size = path.stat().st_size
            if size > limits.max_bytes:
                raise _fatal("OAG003", f"file is {size} bytes, over the {limits.max_bytes}-byte limit",
                             file, hint="raise the limit with --max-bytes if the spec is trusted")
            data = path.read_bytes()
        except FileNotFoundError:
            raise _fatal("OAG001", "no such file", file, hint="check the path") from None
        except PermissionError:
            raise _fatal("OAG001", "permission denied", file, hint="check the file's permissions") from None
        except IsADirectoryError:
            raise _fatal("OAG001", "is a folder, not a spec file", file, hint="pass the spec file itself") from None
        except OSError as exc:
            raise _fatal("OAG001", f"cannot read: {exc.strerror}", file) from None
    if len(data) > limits.max_bytes:
        raise _fatal("OAG003", f"input is over the {limits.max_bytes}-byte limit", file)
    return data, file, path


def decode(data: bytes, file: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    if b"\x00" in data[:1024] and encoding == "utf-8-sig":
        raise _fatal("OAG002", "file is binary, not a YAML or JSON text", file,
                     hint="pass an OpenAPI document in YAML or JSON")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fatal("OAG002", f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", file, line, col,
                     hint="save the spec as UTF-8") from None


def load_text(text: str, file: str, path: Path | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML or JSON text into a :class:`Document`."""
    doc = _load_text(text, file, path, limits)
    if _SURROGATE_ESCAPE.search(text) and _replace_surrogates(doc.data):
        doc.load_warnings.append(Diagnostic(
            code="OAG014", severity=Severity.WARNING, src=SourceRef(file=file),
            message="lone UTF-16 surrogate escapes (like \\ud800) are not characters; replaced by U+FFFD",
            hint="escape characters outside the BMP as a surrogate pair, or write them as UTF-8"))
    return doc


_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")


def _fix(text: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _bad(value: object) -> bool:
    return isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def _replace_surrogates(data: object) -> bool:
    """Lone surrogates (a JSON ``\\ud800`` escape) in keys and strings → U+FFFD, in place,
    iteratively: no generated file, HTTP header or pydantic model can hold them."""
    changed = False
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            items = list(node.items())
            if any(_bad(k) or _bad(v) for k, v in items):
                changed = True
                node.clear()
                node.update((_fix(k) if _bad(k) else k, _fix(v) if _bad(v) else v) for k, v in items)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                if _bad(v):
                    node[i] = _fix(v)
                    changed = True
                elif isinstance(v, dict | list):
                    stack.append(v)
    return changed


def _load_text(text: str, file: str, path: Path | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Document:
    stripped = text.lstrip()
    if not stripped:
        raise _fatal("OAG004", "file is empty", file, hint="pass an OpenAPI document")
    if stripped[0] in "{[":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped[0] == "{" and _looks_like_trailing_garbage(exc):
                raise _fatal("OAG005", f"invalid JSON: {exc.msg}", file, exc.lineno, exc.colno,
                             hint="remove what follows the document") from None
            return _load_yaml(text, file, path, limits)
        except RecursionError:
            raise _fatal("OAG006", "document nests too deeply", file,
                         hint=f"at most {limits.max_depth} levels are accepted") from None
        except ValueError as exc:  # a number over Python's int/str conversion limit
            raise _fatal("OAG013", f"invalid JSON: a number is too large ({str(exc).split(':')[0][:80]})",
                         file, hint="write very large numbers as strings") from None
        doc = Document(data=data, file=file, path=path, text=text, is_json=True)
        _check_shape(data, file, limits)
        return doc
    return _load_yaml(text, file, path, limits)


def _looks_like_trailing_garbage(exc: json.JSONDecodeError) -> bool:
    return exc.msg == "Extra data"


def _load_yaml(text: str, file: str, path: Path | None, limits: Limits) -> Document:
    loader = _Yaml12Loader(text)
    loader.duplicates = []
    loader.readings = {}
    documents: list[Any] = []
    nodes: list[yaml.Node] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:  # check_node() said there is one
                break
            _check_node_limits(node, file, limits)
            documents.append(loader.construct_document(node))
            nodes.append(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "unreadable YAML"
        if "nesting depth" in problem:
            raise _fatal("OAG006", f"document nests too deeply ({problem})", file, line, col,
                         hint="flatten the document") from None
        raise _fatal("OAG005", f"invalid YAML: {problem}", file, line, col,
                     hint="fix the YAML syntax at this position") from None
    except yaml.YAMLError as exc:
        raise _fatal("OAG005", f"invalid YAML: {exc}", file) from None
    except RecursionError:
        raise _fatal("OAG006", "document nests too deeply", file,
                     hint=f"at most {limits.max_depth} levels are accepted") from None
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        # An explicit tag on a value it cannot hold (``!!int abc``, ``!!bool maybe``).
        raise _fatal("OAG005", f"invalid YAML: a tagged value cannot be read ({type(exc).__name__}: "
                     f"{str(exc).splitlines()[0][:120] if str(exc) else ''})", file,
                     hint="remove the explicit !!tag or fix the value") from None
    finally:
        loader.dispose()
    non_empty = [d for d in documents if d is not None]
    if not non_empty:
        raise _fatal("OAG004", "file holds no document", file, hint="pass an OpenAPI document")
    if len(non_empty) > 1:
        raise _fatal("OAG005", f"YAML stream holds {len(non_empty)} documents", file,
                     hint="keep one document per spec file")
    doc = Document(data=non_empty[0], file=file, path=path, text=text, is_json=False)
    # The composed nodes hold every position: kept, so that locating a diagnostic does not parse
    # the text again (that took 11 s on GitHub's spec as YAML).
    doc._roots = [n for n, d in zip(nodes, documents, strict=True) if d is not None and not _is_empty_node(n)]
    kinds = {
        "key": ("OAG011", "mapping key {ex!r} is not a string in YAML/JSON terms; read as the text {ex!r}",
                "quote the keys (e.g. '200':)"),
        "yaml11": ("OAG012", "{ex!r} would be a boolean or a date for a YAML 1.1 reader; read as the string {ex!r}",
                   "quote such values"),
    }
    for kind, (count, line, col, example) in loader.readings.items():
        code, message, hint = kinds[kind]
        doc.load_warnings.append(Diagnostic(
            code=code, severity=Severity.WARNING, message=counted(message.format(ex=example), count),
            src=SourceRef(file=file, line=line, col=col), hint=hint))
    for key, line, col in loader.duplicates:
        doc.load_warnings.append(Diagnostic(
            code="OAG010", severity=Severity.WARNING,
            message=f"duplicate key {key!r}; the last one is used",
            src=SourceRef(file=file, line=line, col=col), hint="remove one of the two keys"))
    return doc


def _node_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_node_limits(root: yaml.Node, file: str, limits: Limits) -> None:
    """Depth and expanded size (an aliased node counts wherever it is used), iteratively.

    Composing does not expand aliases (an alias is the anchored node object itself), so this
    walk sees each distinct node once and adds up what every alias would repeat.
    """
    sizes: dict[int, int] = {}
    heights: dict[int, int] = {}
    open_nodes: set[int] = set()
    aliases = alias_nodes = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        mark = node.start_mark
        where = (file, mark.line + 1, mark.column + 1)
        if done:
            open_nodes.discard(key)
            children = _node_children(node)
            sizes[key] = size = 1 + sum(sizes[id(c)] for c in children)
            heights[key] = 1 + max((heights[id(c)] for c in children), default=0)
            if size > limits.max_nodes:
                raise _fatal("OAG007", f"document expands to over {limits.max_nodes} nodes "
                             "(YAML aliases multiply what they repeat)", *where,
                             hint="remove the aliases that repeat large parts, or raise --max-nodes")
            continue
        if key in sizes:  # a YAML alias of a node already walked
            aliases += 1
            alias_nodes += sizes[key]
            if aliases > limits.max_aliases or alias_nodes > limits.max_alias_nodes:
                raise _fatal("OAG007", f"YAML aliases repeat over "
                             f"{limits.max_alias_nodes if alias_nodes > limits.max_alias_nodes else limits.max_aliases}"
                             f" {'nodes' if alias_nodes > limits.max_alias_nodes else 'times'}", *where,
                             hint="write the repeated parts out, or use $ref instead of YAML aliases")
            if depth + heights[key] - 1 > limits.max_depth:
                raise _fatal("OAG006", f"document nests deeper than {limits.max_depth} levels "
                             "(through a YAML alias)", *where, hint="flatten the document")
            continue
        if key in open_nodes:
            raise _fatal("OAG007", "recursive YAML alias", *where,
                         hint="an anchor must not contain an alias to itself")
        if depth > limits.max_depth:
            raise _fatal("OAG006", f"document nests deeper than {limits.max_depth} levels", *where,
                         hint="flatten the document, or raise --max-depth")
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _node_children(node))


def _check_shape(data: Any, file: str, limits: Limits) -> None:
    """Depth and size limits for JSON input (level by level, no recursion; scalars are counted,
    never visited one by one)."""
    count, depth = 1, 1
    level = [data] if type(data) in (dict, list) else []
    while level:
        found = 0
        deeper: list[Any] = []
        for value in level:
            children = list(value.values()) if type(value) is dict else value
            found += len(children)
            deeper += [c for c in children if type(c) is dict or type(c) is list]
        if found and depth + 1 > limits.max_depth:
            raise _fatal("OAG006", f"document nests deeper than {limits.max_depth} levels", file,
                         hint="flatten the document, or raise --max-depth")
        count += found
        if count > limits.max_nodes:
            raise _fatal("OAG007", f"document has over {limits.max_nodes} nodes", file,
                         hint="raise the limit with --max-nodes if the spec is trusted")
        level, depth = deeper, depth + 1


def load(spec: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Load a spec from a path (or ``-`` for standard input)."""
    data, file, path = read_source(spec, limits)
    return load_text(decode(data, file), file, path, limits)

