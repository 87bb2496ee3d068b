"""`pedoman new`: a new guideline file with every required field, ready to fill in.

The file is generated from the content model itself, so it always lists what
validation asks for. Its texts open with a marker (⟦) and its lists of
references are empty, so the file fails validation until an editor has
replaced every one of them.
"""

from __future__ import annotations

import datetime
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pedoman.content.loader import dump_yaml, schema_line
from pedoman.content.model import GUIDELINE_MODELS, SCAFFOLD_MARK, Ref, Text


def _example(annotation: Any, name: str, index: int = 0) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        if any(isinstance(m, Ref) for m in annotation.__metadata__):
            return "" if name not in ("implements", "agencies", "responsible") else []
        return _example(args[0], name)
    if origin is typing.Union or str(origin) == "types.UnionType":
        return _example(next(a for a in args if a is not type(None)), name)
    if origin is list:
        item = args[0]
        if typing.get_origin(item) in (typing.Annotated, typing.Literal):
            return []  # references and choices: the editor picks them
        return [_example(item, name, i) for i in range(_min_items.get(name, 1))]
    if origin is typing.Literal:
        return args[index % len(args)]
    if annotation is Text:
        return {"id": f"{SCAFFOLD_MARK}tulis {name} dalam bahasa Indonesia⟧",
                "en": f"{SCAFFOLD_MARK}write the {name} in English⟧"}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _fields(annotation, index)
    if annotation is datetime.date:
        return datetime.date.today()
    return ""


_min_items = {"parties": 3}
"""Lists the model wants longer than one item: a cooperation has origin, transit, destination."""


def _fields(model: type[BaseModel], index: int = 0) -> dict:
    """Every required field of `model` (and a section's agencies and stakeholders, a channel's phone numbers)."""
    return {name: _example(info.annotation, name, index) for name, info in model.model_fields.items()
            if (info.is_required() or name in ("agencies", "stakeholders", "phone"))
            and (name not in ("id", "kind") or model.__name__ in ("Section", "Stage"))}


def scaffold(kind: str, guideline_id: str) -> dict:
    """The data of a new guideline of `kind` named `guideline_id`."""
    model = GUIDELINE_MODELS[kind]
    data = {"id": guideline_id, "kind": kind}
    data |= _fields(model)
    data["version"] = "0.1"
    data["status"] = "draft"
    data["changes"][0]["version"] = "0.1"
    data["references"] = [{"regulation": ""}]  # an id from regulations.yaml, or a `title` for another source
    data["sections"][0]["id"] = "bagian-pertama"
    for i, stage in enumerate(data.get("stages", []), start=1):
        stage["id"] = f"tahap-{i}"
    return data


def write_scaffold(content_root: Path, kind: str, guideline_id: str) -> Path:
    """Write the new file; refuse to overwrite an existing one."""
    path = content_root / kind / f"{guideline_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    text = dump_yaml(scaffold(kind, guideline_id))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{schema_line(path, content_root)}\n{text}", encoding="utf-8")
    return path
