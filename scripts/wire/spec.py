"""Where an operation's schemas are in the document as oagen read it (never in oagen's IR).

The IR only says which operation, parameter and media type a check is about (and keeps each
one's source pointer); the schemas the checks hold values against are found in the document and
bundled by :class:`~wire.schemas.Bundler`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.diagnostics import SourceRef
from generator.refs import Loc, RefError, Resolver

from .schemas import Bundler

# Swagger 2.0 parameter keywords that make its schema (2.0 "Parameter Object": the non-body
# parameters carry their schema's keywords themselves).
_PARAM_SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "maximum", "exclusiveMaximum", "minimum",
                      "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
                      "uniqueItems", "multipleOf", "x-nullable")


@dataclass
class SpecSchemas:
    """The document's schemas for the IR's models, parameters, bodies and answers."""

    resolver: Resolver
    version: str
    bundler: Bundler

    @classmethod
    def of(cls, resolver: Resolver, version: str) -> SpecSchemas:
        """The schemas of a loaded document."""
        return cls(resolver, version, Bundler(resolver, version))

    def node(self, src: SourceRef) -> tuple[Any, Loc]:
        """The node at an IR source reference, references followed."""
        loc = Loc(src.file or self.resolver.root.file, src.pointer)
        node = self.bundler.at(loc)
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 32 and not self._is_schema_loc(loc):
            node, loc = self.resolver.resolve(node["$ref"], loc)
            seen += 1
        return node, loc

    @staticmethod
    def _is_schema_loc(loc: Loc) -> bool:
        parts = loc.pointer.split("/")
        return "schema" in parts or "schemas" in parts or "definitions" in parts

    def model(self, model: ir.Model) -> Any:
        """A model's schema, bundled. (A Swagger 2 form body has no schema of its own: it is made
        of the operation's ``formData`` parameters.)"""
        loc = Loc(model.src.file or self.resolver.root.file, model.src.pointer)
        try:
            node = self.bundler.at(loc)
        except RefError:
            if self.version == "2.0" and "/parameters/" in loc.pointer and "/content/" in loc.pointer:
                op_loc = Loc(loc.file, loc.pointer.split("/parameters/")[0])
                op = self.bundler.at(op_loc)
                found = self._swagger2_body(None, op if isinstance(op, dict) else {}, op_loc)
                if found is not None:
                    return found
            raise
        return self.bundler.bundle(node, loc)

    def parameter(self, param: ir.Parameter) -> Any:
        """A parameter's schema, bundled (Swagger 2: made of the parameter's own keywords)."""
        node, loc = self._deref(param.src)
        if not isinstance(node, dict):
            return {}
        if "schema" in node:
            return self.bundler.bundle(node["schema"], loc.child("schema"))
        if isinstance(node.get("content"), dict) and node["content"]:
            media, obj = next(iter(node["content"].items()))
            schema = obj.get("schema", {}) if isinstance(obj, dict) else {}
            return self.bundler.bundle(schema, loc.child("content", media, "schema"))
        schema = {k: v for k, v in node.items() if k in _PARAM_SCHEMA_KEYS}
        if schema.get("type") not in ("string", "integer", "number", "boolean", "array", "file"):
            schema["type"] = "string"  # oagen's documented repair: no type reads as string
        return self.bundler.bundle(schema, loc)

    def operation(self, op: ir.Operation) -> tuple[dict[str, Any], Loc]:
        """The operation object."""
        node, loc = self._deref(op.src)
        return (node if isinstance(node, dict) else {}), loc

    def body(self, op: ir.Operation, media_type: str) -> Any | None:
        """The schema of the request body sent as ``media_type`` (None: not found)."""
        node, loc = self.operation(op)
        if self.version == "2.0":
            return self._swagger2_body(op, node, loc)
        raw = node.get("requestBody")
        if raw is None:
            return None
        body, bloc = self._follow(raw, loc.child("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or media_type not in content:
            return None
        obj = content[media_type]
        if not isinstance(obj, dict) or "schema" not in obj:
            return {}
        return self.bundler.bundle(obj["schema"], bloc.child("content", media_type, "schema"))

    def response(self, op: ir.Operation, status: str, media_type: str) -> Any | None:
        """The schema of a declared response sent as ``media_type`` (None: not found)."""
        node, loc = self.operation(op)
        responses = node.get("responses")
        if not isinstance(responses, dict):
            return None
        key = next((k for k in responses if str(k).strip().upper() == status.upper()), None)
        if key is None:
            return None
        resp, rloc = self._follow(responses[key], loc.child("responses", key))
        if not isinstance(resp, dict):
            return None
        if self.version == "2.0":
            return self.bundler.bundle(resp["schema"], rloc.child("schema")) if "schema" in resp else {}
        content = resp.get("content")
        if not isinstance(content, dict) or media_type not in content:
            return None
        obj = content[media_type]
        if not isinstance(obj, dict) or "schema" not in obj:
            return {}
        return self.bundler.bundle(obj["schema"], rloc.child("content", media_type, "schema"))

    def _swagger2_body(self, op: ir.Operation | None, node: dict[str, Any], loc: Loc) -> Any | None:
        params = node.get("parameters") if isinstance(node.get("parameters"), list) else []
        item_loc = Loc(loc.file, loc.pointer.rsplit("/", 1)[0])
        item = self.bundler.at(item_loc)
        common = item.get("parameters") if isinstance(item, dict) and isinstance(item.get("parameters"), list) else []
        found: dict[str, tuple[Any, Loc]] = {}
        for where, plist in ((item_loc.child("parameters"), common), (loc.child("parameters"), params)):
            for i, raw in enumerate(plist):
                p, ploc = self._follow(raw, where.child(i))
                if isinstance(p, dict) and p.get("in") in ("body", "formData"):
                    found[f"{p.get('in')}:{p.get('name')}"] = (p, ploc)
        bodies = [(p, ploc) for p, ploc in found.values() if p.get("in") == "body"]
        if bodies:
            p, ploc = bodies[-1]
            return self.bundler.bundle(p.get("schema", {}), ploc.child("schema"))
        form = [(p, ploc) for p, ploc in found.values() if p.get("in") == "formData"]
        if not form:
            return None
        properties: dict[str, Any] = {}
        required: list[str] = []
        definitions: dict[str, Any] = {}
        for p, ploc in form:
            schema = {k: v for k, v in p.items() if k in _PARAM_SCHEMA_KEYS}
            if schema.get("type") not in ("string", "integer", "number", "boolean", "array", "file"):
                schema["type"] = "string"
            bundled = self.bundler.bundle(schema, ploc)
            definitions.update(bundled.pop("definitions", {}) if isinstance(bundled, dict) else {})
            properties[str(p.get("name"))] = bundled
            if p.get("required") is True:
                required.append(str(p.get("name")))
        # The formData parameters are the whole body (oagen's reading, swagger2.py): no other field.
        result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        if required:
            result["required"] = required
        if definitions:
            result["definitions"] = definitions
        return result

    def _deref(self, src: SourceRef) -> tuple[Any, Loc]:
        loc = Loc(src.file or self.resolver.root.file, src.pointer)
        return self._follow(self.bundler.at(loc), loc)

    def _follow(self, node: Any, loc: Loc) -> tuple[Any, Loc]:
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 32:
            try:
                node, loc = self.resolver.resolve(node["$ref"], loc)
            except RefError:
                return None, loc
            seen += 1
        return node, loc
