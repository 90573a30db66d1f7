"""Check a head checkpoint's tensors against its manifest without torch, before a job loads it on the backend.

A crop-type job loads the head's ``.pt`` only on the backend, after the job has started and credits are spent.
A zip whose manifest is fine but whose checkpoint holds another network (an encoder, a head for a different
class list) fails there. A PyTorch checkpoint (``torch.save``, zip format since torch 1.6) is a zip holding
``<name>/data.pkl``: a pickle of the state dict whose tensors are ``torch._utils._rebuild_tensor_v2(storage,
offset, size, ...)`` calls. A restricted unpickler that knows only those few names reads the shapes and never
runs code from the file.

The rule is the one any classification head obeys, whatever its module names: its output layer is a linear
layer with one output per class, i.e. a ``<name>.weight`` of shape (classes, inputs) next to a ``<name>.bias``
of shape (classes,). The plugin's own heads (training/head.py: ``linear.*`` or ``net.3.*``) and WorldCereal's
LinearHead / MLPHead have it; an encoder checkpoint or a head for another class count does not.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from typing import Any, NamedTuple

from .errors import InputError


class TensorShape(NamedTuple):
    shape: tuple


def _rebuild_tensor(_storage: Any, _offset: Any, size: Any, *_rest: Any) -> TensorShape:
    return TensorShape(tuple(int(n) for n in size))


def _rebuild_parameter(data: Any, *_rest: Any) -> Any:
    return data


class _ShapesUnpickler(pickle.Unpickler):
    """Knows only what a state dict needs; anything else in the pickle is refused, nothing is executed."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if (module, name) == ("torch._utils", "_rebuild_parameter"):
            return _rebuild_parameter
        if module == "torch" and (name.endswith("Storage") or name in ("float32", "float64", "float16")):
            return name
        raise pickle.UnpicklingError(f"unexpected {module}.{name}")

    def persistent_load(self, pid: Any) -> Any:
        return pid


def state_dict_shapes(data: bytes) -> dict[str, tuple]:
    """{tensor name: shape} of a zip-format PyTorch checkpoint; ValueError when it is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            pkl = next((n for n in archive.namelist() if n.endswith("/data.pkl") or n == "data.pkl"), None)
            if pkl is None:
                raise ValueError("no data.pkl inside")
            state = _ShapesUnpickler(io.BytesIO(archive.read(pkl))).load()
    except (zipfile.BadZipFile, pickle.UnpicklingError, EOFError, TypeError, AttributeError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc
    if not isinstance(state, dict):
        raise ValueError("it does not hold a state dict")
    return {str(k): v.shape for k, v in state.items() if isinstance(v, TensorShape)}


def is_zip_checkpoint(data: bytes) -> bool:
    """Zip-format checkpoints are checked here; anything else is left to the format check of the caller."""
    return zipfile.is_zipfile(io.BytesIO(data))


def check_head_weights(checkpoint: bytes, member: str, zip_name: str, num_classes: int) -> None:
    """InputError naming the zip and what is wrong when the checkpoint has no output layer for the classes."""
    try:
        shapes = state_dict_shapes(checkpoint)
    except ValueError as exc:
        raise InputError(f"The head checkpoint {member} in {zip_name} is not a readable PyTorch checkpoint ({exc}); "
                         "the crop-type job could not load it.", field="model") from exc
    if not shapes:
        raise InputError(f"The head checkpoint {member} in {zip_name} holds no tensors; the crop-type job could "
                         "not load it.", field="model")
    if _output_layer(shapes, num_classes) is None:
        layers = sorted({shape[0] for name, shape in shapes.items() if name.endswith(".weight") and len(shape) == 2})
        found = ", ".join(str(n) for n in layers) or "none"
        raise InputError(f"The head checkpoint {member} in {zip_name} has no output layer with {num_classes} outputs "
                         f"for the {num_classes} classes of its manifest (its linear layers have {found} outputs); "
                         "it is not this model's head.", field="model")


def _output_layer(shapes: dict[str, tuple], num_classes: int) -> str | None:
    """The name of a linear layer with ``num_classes`` outputs (weight and bias), or None."""
    for name, shape in shapes.items():
        if not name.endswith(".weight") or len(shape) != 2 or shape[0] != num_classes:
            continue
        prefix = name[: -len("weight")]
        if shapes.get(prefix + "bias") == (num_classes,):
            return prefix.rstrip(".")
    return None
