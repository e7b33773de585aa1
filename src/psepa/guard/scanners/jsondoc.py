"""JSON data, JSON Schema and OpenAPI documents (JSON or YAML).

Data: every key path is a column name and every string a value. A schema is read for what it
asks for: property and parameter names, titles, descriptions and enum values, each located by
its JSON pointer, so a reviewer can go straight to the property.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from psepa.guard.detect import tally_values
from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


def load_document(path: Path, source: str) -> Any:
    text = _read(path, source)
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise UnreadableInput(source, f"not valid YAML: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            source, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None


def _read(path: Path, source: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableInput(source, "not UTF-8 text; save it as UTF-8") from None


def is_schema(doc: Any) -> bool:
    return isinstance(doc, dict) and (
        "openapi" in doc
        or "swagger" in doc
        or "$schema" in doc
        or (doc.get("type") == "object" and isinstance(doc.get("properties"), dict))
    )


def scan_json(path: Path, source: str) -> Iterator[Item]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _scan_lines(path, source)
        return
    doc = load_document(path, source)
    if is_schema(doc):
        yield from scan_schema_document(doc, source)
    else:
        yield from _scan_data([doc], source, "json")


def scan_schema(path: Path, source: str) -> Iterator[Item]:
    doc = load_document(path, source)
    if not is_schema(doc):
        return
    yield from scan_schema_document(doc, source)


def _scan_lines(path: Path, source: str) -> Iterator[Item]:
    def docs() -> Iterator[Any]:
        with path.open(encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise UnreadableInput(source, f"line {n} is not JSON: {exc.msg}") from None

    yield from _scan_data(docs(), source, "jsonl")


def _scan_data(docs: Any, source: str, fmt: str) -> Iterator[Item]:
    keys: dict[str, None] = {}
    strings: dict[str, dict[str, int]] = {}  # each key path's distinct strings, counted

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                sub = f"{path}.{k}"
                keys.setdefault(sub, None)
                walk(v, sub)
        elif isinstance(node, list):
            for v in node:
                walk(v, f"{path}[]")
        elif isinstance(node, str):
            counts = strings.setdefault(path or "$", {})
            counts[node] = counts.get(node, 0) + 1

    for doc in docs:
        walk(doc, "$")
    for key in keys:
        last = key.rsplit(".", 1)[-1].removesuffix("[]")
        yield Item(Location(source, fmt, key), last, Context.RECORD, identifier=True)
    for path, counts in strings.items():
        for tally in tally_values(counts).values():
            yield Item(
                Location(source, fmt, f"values of {path}"),
                tally.hit.phrase,
                Context.RECORD,
                hits=(tally.hit,),
                count=tally.count,
                personal=True,
            )


def scan_schema_document(doc: Any, source: str) -> Iterator[Item]:
    openapi = isinstance(doc, dict) and ("openapi" in doc or "swagger" in doc)
    fmt = "openapi" if openapi else "json-schema"
    # An API's bodies and parameters are what it asks of people, as a form does; a JSON
    # Schema describes records kept.
    context = Context.FORM if openapi else Context.RECORD

    def walk(node: Any, pointer: str) -> Iterator[Item]:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                for name in props:
                    where = f"{pointer}/properties/{name}"
                    yield Item(Location(source, fmt, where), str(name), context, identifier=True)
            if "in" in node and isinstance(node.get("name"), str):
                yield Item(
                    Location(source, fmt, f"{pointer}/name"), node["name"], context, identifier=True
                )
            for key in ("title", "description", "summary"):
                if isinstance(node.get(key), str):
                    yield Item(Location(source, fmt, f"{pointer}/{key}"), node[key], context)
            enum = node.get("enum")
            if isinstance(enum, list):
                for i, value in enumerate(enum):
                    if isinstance(value, str):
                        yield Item(Location(source, fmt, f"{pointer}/enum/{i}"), value, context)
            for k, v in node.items():
                if k not in ("enum", "example", "examples", "default"):
                    yield from walk(v, f"{pointer}/{_escape(str(k))}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{pointer}/{i}")

    yield from walk(doc, "#")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
