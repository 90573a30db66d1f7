"""The official downstream head training (``TorchTrainer`` in worldcereal.train.downstream).

Head ``linear`` (default) or ``mlp`` (hidden 256, dropout 0.2); AdamW lr 1e-2, weight decay 0, up to 30
epochs, batch 1024, ReduceLROnPlateau(patience=3), early stopping patience 6 on validation loss; class
balancing by a WeightedRandomSampler with "log" class weights (mean 1, clipped to 0.1-10); per-sample weights
(``weights.py``) scale the loss. Classes sorted alphabetically = output values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

SEED = 42


@dataclass
class HeadOptions:
    head_type: str = "linear"
    hidden_dim: int = 256
    dropout: float = 0.2
    lr: float = 1e-2
    weight_decay: float = 0.0
    epochs: int = 30
    batch_size: int = 1024
    patience: int = 6
    eval_weight_floor: float = 0.5
    clip_range: tuple = field(default=(0.1, 10.0))
    seed: int = SEED


def split_indices(labels: np.ndarray, val_size: float, test_size: float,
                  latlon: Optional[np.ndarray] = None, bin_degrees: float = 0.25, seed: int = SEED):
    """Stratified train/val/test (seed 42 by default), or whole 0.25 degree bins when ``latlon`` is given."""
    from sklearn.model_selection import train_test_split

    if latlon is not None:
        return spatial_split(labels, latlon, val_size, test_size, bin_degrees, seed)
    index = np.arange(len(labels))
    rest, test = train_test_split(index, test_size=test_size, random_state=seed, stratify=labels)
    train, val = train_test_split(
        rest, test_size=val_size / (1.0 - test_size), random_state=seed, stratify=labels[rest]
    )
    return train, val, test


def spatial_split(labels: np.ndarray, latlon: np.ndarray, val_size: float, test_size: float,
                  bin_degrees: float = 0.25, seed: int = SEED):
    """``spatial_train_val_test_split``: bins grouped by majority class, each group shuffled and cut."""
    lat_bins = np.floor((latlon[:, 0] + 90.0) / bin_degrees).astype(np.int64)
    lon_bins = np.floor((latlon[:, 1] + 180.0) / bin_degrees).astype(np.int64)
    bins = np.char.add(np.char.add(lat_bins.astype(str), "_"), lon_bins.astype(str))
    by_class: dict = {}
    for bin_id in np.unique(bins):
        by_class.setdefault(_mode(labels[bins == bin_id]), []).append(bin_id)
    rng = np.random.RandomState(seed)
    chosen: dict = {"train": [], "val": [], "test": []}
    for class_bins in by_class.values():
        class_bins = np.array(class_bins)
        rng.shuffle(class_bins)
        n_test = max(1, int(len(class_bins) * test_size))
        n_val = max(1, int(len(class_bins) * val_size))
        chosen["test"].extend(class_bins[:n_test])
        chosen["val"].extend(class_bins[n_test:n_test + n_val])
        chosen["train"].extend(class_bins[n_test + n_val:])
    return tuple(np.nonzero(np.isin(bins, chosen[name]))[0] for name in ("train", "val", "test"))


def _mode(values: np.ndarray):
    names, counts = np.unique(values, return_counts=True)
    return names[np.argmax(counts)]


def class_weights(y: np.ndarray, n_classes: int, clip: tuple) -> np.ndarray:
    """``get_class_weights(method="log", normalize=True)``: log1p of relative inverse frequency, mean 1, clipped."""
    present = np.unique(y)
    freq = np.maximum(np.bincount(y, minlength=n_classes)[present].astype(np.float64), 1.0)
    inv = 1.0 / freq
    weights = np.log1p(inv / inv.mean())
    out = np.ones(n_classes)
    out[present] = np.clip(weights / weights.mean(), clip[0], clip[1])
    return out


def build_head(in_dim: int, n_classes: int, options: HeadOptions):
    """The same modules as worldcereal's LinearHead / MLPHead, so state-dict keys match at inference."""
    from torch import nn

    class LinearHead(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.linear = nn.Linear(in_dim, n_classes)

        def forward(self, x):
            return self.linear(x)

    class MLPHead(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = nn.Sequential(
                nn.Linear(in_dim, options.hidden_dim), nn.ReLU(inplace=True),
                nn.Dropout(options.dropout), nn.Linear(options.hidden_dim, n_classes),
            )

        def forward(self, x):
            return self.net(x)

    if options.head_type == "linear":
        return LinearHead()
    if options.head_type == "mlp":
        return MLPHead()
    raise ValueError(f"Unknown head type {options.head_type!r}.")


@dataclass
class TrainResult:
    model: object
    best_epoch: int
    epochs_ran: int
    stopped_early: bool
    best_val_loss: float
    best_val_f1: float


def train(
    x_train, y_train, w_train, x_val, y_val, w_val, n_classes: int, options: HeadOptions,
    on_epoch: Optional[Callable[[dict], None]] = None, is_cancelled: Callable[[], bool] = lambda: False,
) -> TrainResult:
    """Train with validation monitoring; keep the best-val-loss weights."""
    import torch
    from sklearn.metrics import f1_score
    from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

    torch.manual_seed(options.seed)
    np.random.seed(options.seed)
    model = build_head(x_train.shape[1], n_classes, options)
    cw = class_weights(y_train, n_classes, options.clip_range)
    generator = torch.Generator().manual_seed(options.seed)
    sampler = WeightedRandomSampler(cw[y_train], num_samples=len(y_train), replacement=True, generator=generator)
    data = TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train), torch.from_numpy(w_train))
    loader = DataLoader(data, batch_size=options.batch_size, sampler=sampler)
    optimizer = torch.optim.AdamW(model.parameters(), lr=options.lr, weight_decay=options.weight_decay)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3)
    best = TrainResult(model, 0, 0, False, float("inf"), 0.0)
    best_state, no_improve = None, 0
    for epoch in range(1, options.epochs + 1):
        if is_cancelled():
            raise KeyboardInterrupt
        loss = _train_epoch(model, loader, optimizer)
        val_loss, val_pred = evaluate(model, x_val, y_val, w_val)
        val_f1 = float(f1_score(y_val, val_pred, average="macro"))
        scheduler.step(val_loss)
        best.epochs_ran = epoch
        if val_loss < best.best_val_loss:
            best.best_val_loss, best.best_val_f1, best.best_epoch = val_loss, val_f1, epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            no_improve = 0
        else:
            no_improve += 1
        if on_epoch:
            on_epoch({"epoch": epoch, "loss": loss, "val_loss": val_loss, "val_f1": val_f1})
        if options.patience > 0 and no_improve >= options.patience:
            best.stopped_early = True
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    return best


def _train_epoch(model, loader, optimizer) -> float:
    from torch import nn

    model.train()
    total, count = 0.0, 0
    for x, y, w in loader:
        loss = (nn.functional.cross_entropy(model(x), y, reduction="none") * w).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += float(loss.item()) * len(x)
        count += len(x)
    return total / max(count, 1)


def evaluate(model, x: np.ndarray, y: np.ndarray, w: np.ndarray):
    """(weighted mean loss, predictions)."""
    import torch
    from torch import nn

    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(x))
        loss = (nn.functional.cross_entropy(logits, torch.from_numpy(y), reduction="none")
                * torch.from_numpy(w)).mean()
    return float(loss.item()), logits.argmax(dim=1).numpy()
