"""Notebook parameters: read from the `parameters` cell and validated before any kernel starts.

The parameters cell declares each parameter as a typed, commented assignment:

    top_n: int = 20  # how many keywords, people, … to show

(a plain `top_n = 20` is typed by its default; `= None` makes an optional str).
A number's range is written in its comment, `(1–1000)` or `(≥ 1)`, and checked.
`lang: Literal["zh", "en"] = "zh"` allows only the values listed.
`spec` reads those declarations (with `ast`, nothing is executed); `validate`
checks names and converts values to the declared types (papermill accepts any
name and guesses the type of a `-p` value). papermill then injects the validated
values, each a str/int/float/bool/None written as a Python literal.
"""
from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

TYPES = {"str": str, "int": int, "float": float, "bool": bool}
_NUMBER = r"-?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"\((?:(?P<lo>{_NUMBER})\s*[–-]\s*(?P<hi>{_NUMBER})|(?:≥|>=)\s*(?P<min>{_NUMBER}))\s*[;)]")
TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str            # str | int | float | bool
    optional: bool       # `X | None`: the value may be None
    default: Any
    help: str = ""
    choices: tuple = ()  # Literal[...]: the only values allowed

    @property
    def type_name(self) -> str:
        base = " | ".join(repr(c) for c in self.choices) if self.choices else self.type
        return f"{base} | None" if self.optional else base

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """(lowest, highest) allowed for a number, from `(lo–hi)` or `(≥ lo)` in its help."""
        m = _RANGE.search(self.help) if self.type in ("int", "float") else None
        if not m:
            return None, None
        if m["min"] is not None:
            return float(m["min"]), None
        return float(m["lo"]), float(m["hi"])


def parameters_cell(nb) -> int:
    """Index of the cell tagged `parameters`."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    raise ValueError("the notebook has no cell tagged 'parameters'")


def _literal_choices(node: ast.expr) -> tuple | None:
    """The values of `Literal["a", "b"]` (or `typing.Literal[...]`), else None."""
    if not isinstance(node, ast.Subscript):
        return None
    base = node.value
    if not ((isinstance(base, ast.Name) and base.id == "Literal")
            or (isinstance(base, ast.Attribute) and base.attr == "Literal")):
        return None
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    values = tuple(ast.literal_eval(i) for i in items)
    if not values or len({type(v) for v in values}) != 1 or type(values[0]).__name__ not in TYPES:
        raise ValueError(f"unsupported parameter annotation: {ast.unparse(node)}")
    return values


def _annotation(node: ast.expr) -> tuple[str, bool, tuple]:
    if isinstance(node, ast.Name) and node.id in TYPES:
        return node.id, False, ()
    choices = _literal_choices(node)
    if choices is not None:
        return type(choices[0]).__name__, False, choices
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        parts = [node.left, node.right]
        if any(isinstance(p, ast.Constant) and p.value is None for p in parts):
            other = next(p for p in parts if not (isinstance(p, ast.Constant) and p.value is None))
            type_, _, choices = _annotation(other)
            return type_, True, choices
    raise ValueError(f"unsupported parameter annotation: {ast.unparse(node)}")


def spec(source: str) -> dict[str, Parameter]:
    """The parameters declared in a parameters cell's source, in order."""
    lines = source.splitlines()
    out: dict[str, Parameter] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, default = node.target.id, ast.literal_eval(node.value)
            type_, optional, choices = _annotation(node.annotation)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, default = node.targets[0].id, ast.literal_eval(node.value)   # untyped: typed by its default
            type_, optional = ("str", True) if default is None else (type(default).__name__, False)
            choices = ()
            if type_ not in TYPES:
                raise ValueError(f"parameter {name}: unsupported default {default!r}")
        else:
            continue
        rest = lines[node.end_lineno - 1].encode()[node.end_col_offset:].decode()   # offsets are in bytes
        help_ = rest.split("#", 1)[1].strip() if "#" in rest else ""
        out[name] = Parameter(name, type_, optional, default, help_, choices)
    return out


def parse_parameters(items: list[str] | None) -> dict[str, str]:
    """`["top_n=10", "title=…"]` → `{"top_n": "10", "title": "…"}` (values stay strings
    until `validate` knows the notebook's types)."""
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier():
            raise InputError(None, f"parameter {item!r} is not NAME=VALUE")
        out[name] = value
    return out


def _convert(p: Parameter, value: Any) -> Any:
    def bad(expected: str):
        return InputError(None, f"parameter {p.name}: expected {expected}, got {value!r}")

    if value is None or (p.optional and isinstance(value, str) and value.strip().lower() in ("", "none")):
        if p.optional:
            return None
        raise bad(p.type)
    if p.type == "str":
        if not isinstance(value, str):
            raise bad("a string")
        return value
    if p.type == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in TRUE | FALSE:
            return value.strip().lower() in TRUE
        raise bad("true or false")
    if isinstance(value, bool):
        raise bad("an integer" if p.type == "int" else "a number")
    if p.type == "int":
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad("an integer") from None
    try:
        number = float(value if isinstance(value, (int, float)) else str(value).strip())
    except ValueError:
        raise bad("a number") from None
    if not math.isfinite(number):
        raise bad("a finite number")
    return number


def validate(declared: dict[str, Parameter], given: dict[str, Any]) -> dict[str, Any]:
    """Given values converted to the declared types; unknown names are an error
    that lists the valid ones."""
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = ", ".join(f"{p.name} ({p.type_name})" for p in declared.values())
        raise InputError(None, f"unknown parameter {', '.join(unknown)}; valid parameters: {valid}")
    values = {name: _convert(declared[name], value) for name, value in given.items()}
    for name, value in values.items():
        _check_range(declared[name], value)
        _check_choice(declared[name], value)
    return values


def _check_range(p: Parameter, value: Any) -> None:
    lo, hi = p.bounds
    if value is None or (lo is None and hi is None):
        return
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        what = "an integer" if p.type == "int" else "a number"
        span = f"from {lo:g} to {hi:g}" if hi is not None else f"of at least {lo:g}"
        raise InputError(None, f"parameter {p.name}: expected {what} {span}, got {value!r}")


def _check_choice(p: Parameter, value: Any) -> None:
    if p.choices and value is not None and value not in p.choices:
        valid = ", ".join(map(str, p.choices))
        raise InputError(None, f"parameter {p.name}: expected one of {valid}, got {value!r}")


def table(declared: dict[str, Parameter], values: dict[str, Any]) -> list[dict]:
    """Rows for the page's parameter table: every declared parameter with the value
    used, whether it was given, and its help text."""
    return [{"name": p.name, "value": values.get(p.name, p.default), "given": p.name in values,
             "type": p.type_name, "help": p.help} for p in declared.values()]
