"""Read the tensor names and shapes of a head checkpoint without torch, so garbage weights fail before a job.

A crop-type job loads the head's ``.pt`` only on the backend, after the job has started and credits are spent;
a zip whose manifest is fine but whose checkpoint is garbage (or the wrong network) fails there. A PyTorch
checkpoint (``torch.save``, zip format since torch 1.6) is a zip holding ``<name>/data.pkl``: a pickle of the
state dict whose tensors are ``torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)`` calls. A
restricted unpickler that knows only those few names reads the shapes and never runs code from the file.

The heads the plugin trains (training/head.py, the same modules as WorldCereal's LinearHead / MLPHead) have the
keys ``linear.weight`` / ``linear.bias`` (linear) or ``net.0.*`` and ``net.3.*`` (mlp); the last layer has one
output per class.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from typing import Any, NamedTuple

from .errors import InputError

HEAD_KEYS = {
    "linear": ("linear.weight", "linear.bias"),
    "mlp": ("net.0.weight", "net.0.bias", "net.3.weight", "net.3.bias"),
}
_LAST_LAYER = {"linear": "linear", "mlp": "net.3"}


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


def check_head_weights(checkpoint: bytes, member: str, zip_name: str, head_type: str, num_classes: int) -> None:
    """InputError naming the zip and what is wrong when the head checkpoint cannot be what the job loads."""
    try:
        shapes = state_dict_shapes(checkpoint)
    except ValueError as exc:
        raise InputError(f"The head checkpoint {member} in {zip_name} is not a readable PyTorch checkpoint ({exc}); "
                         "the crop-type job could not load it.", field="model") from exc
    expected = HEAD_KEYS.get(head_type, HEAD_KEYS["linear"])
    missing = [key for key in expected if key not in shapes]
    if missing:
        found = ", ".join(sorted(shapes)[:4]) or "no tensors"
        raise InputError(f"The head checkpoint {member} in {zip_name} lacks the {head_type} head weights "
                         f"{', '.join(missing)} (it holds {found}); the crop-type job could not load it.",
                         field="model")
    outputs = shapes[f"{_LAST_LAYER.get(head_type, 'linear')}.weight"]
    if not outputs or outputs[0] != num_classes:
        raise InputError(f"The head checkpoint {member} in {zip_name} has {outputs[0] if outputs else 0} outputs "
                         f"but its manifest lists {num_classes} classes; the crop-type job would refuse it.",
                         field="model")


def check_zip_head_weights(path: Any, checkpoint_member: str, head_type: str, num_classes: int) -> None:
    """``check_head_weights`` for the checkpoint member of a head zip on disk."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read(checkpoint_member)
    check_head_weights(data, checkpoint_member, getattr(path, "name", str(path)), head_type, num_classes)
