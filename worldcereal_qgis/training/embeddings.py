"""Presto embeddings pooled over the season (``compute_seasonal_presto_embeddings`` rule).

Inputs are converted exactly as prometheo's ``WorldCerealDataset.get_inputs`` does (S1 DN -> dB, AgERA5
precipitation mm*100 -> m, temperature /100, DEM from the first step, NODATA 65535 kept). The encoder
runs with TIME pooling; the embedding is the mean of the time embeddings over the season's months (the
``SeasonalFinetuningHead`` crop pooling). The training split gets the notebook's sensor masking and is
repeated 3 times.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from .samples import BAND_COLUMNS, NODATA

S2_ORDER = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"]
S2_COLUMNS = {
    "S2-L2A-B02": "B2", "S2-L2A-B03": "B3", "S2-L2A-B04": "B4", "S2-L2A-B05": "B5", "S2-L2A-B06": "B6",
    "S2-L2A-B07": "B7", "S2-L2A-B08": "B8", "S2-L2A-B8A": "B8A", "S2-L2A-B11": "B11", "S2-L2A-B12": "B12",
}
S1_COLUMNS = {"S1-SIGMA0-VV": 0, "S1-SIGMA0-VH": 1}  # prometheo S1_BANDS = [VV, VH]
EMBEDDING_DIM = 128


@dataclass(frozen=True)
class Masking:
    """The notebook's SensorMaskingConfig for the training split."""

    s1_full: float = 0.15
    s1_step: float = 0.15
    s2_step: float = 0.25
    s2_block: float = 0.05
    s2_block_len: tuple = (2, 5)
    meteo_step: float = 0.03
    dem: float = 0.01


def load_encoder(checkpoint: str):
    """Presto with the checkpoint loaded strictly: a wrong checkpoint fails here, never silently."""
    from prometheo.models import Presto
    from prometheo.models.presto.wrapper import load_presto_weights

    model = load_presto_weights(Presto(), checkpoint, strict=True)
    return model.eval()


def augment(cube: np.ndarray, rng: np.random.Generator, masking: Masking = Masking()) -> np.ndarray:
    """Mask sensors/timesteps like missing data in real life; never wipe out both S1 and S2."""
    out = cube.copy()
    n, t, _ = out.shape
    idx = {name: i for i, name in enumerate(BAND_COLUMNS)}
    s1 = [idx["S1-SIGMA0-VV"], idx["S1-SIGMA0-VH"]]
    s2 = [idx[c] for c in S2_COLUMNS]
    meteo = [idx["AGERA5-PRECIP"], idx["AGERA5-TMEAN"]]
    dem = [idx["elevation"], idx["slope"]]
    s1_drop = (rng.random((n, 1)) < masking.s1_full) | (rng.random((n, t)) < masking.s1_step)
    s2_drop = rng.random((n, t)) < masking.s2_step
    for i in np.nonzero(rng.random(n) < masking.s2_block)[0]:
        length = int(rng.integers(masking.s2_block_len[0], masking.s2_block_len[1] + 1))
        first = int(rng.integers(0, max(1, t - length + 1)))
        s2_drop[i, first:first + length] = True
    s2_valid = (cube[:, :, s2] != NODATA).any(axis=-1) & ~s2_drop
    s1_valid = (cube[:, :, s1] != NODATA).any(axis=-1) & ~s1_drop
    wiped = ~(s2_valid.any(axis=1) | s1_valid.any(axis=1))
    for i in np.nonzero(wiped)[0]:  # restore one real S2 timestep
        real = np.nonzero((cube[i, :, s2] != NODATA).any(axis=-1))[0]
        if len(real):
            s2_drop[i, real[0]] = False
    _apply(out, s1_drop, s1)
    _apply(out, s2_drop, s2)
    _apply(out, rng.random((n, t)) < masking.meteo_step, meteo)
    _apply(out, np.repeat(rng.random((n, 1)) < masking.dem, t, axis=1), dem)
    return out


def _apply(cube: np.ndarray, drop: np.ndarray, bands: list) -> None:
    for band in bands:
        cube[:, :, band][drop] = NODATA


def predictors(cube: np.ndarray, months: np.ndarray, lat: np.ndarray, lon: np.ndarray):
    """prometheo ``Predictors`` (B, H=1, W=1, T, bands) as torch tensors."""
    import torch
    from prometheo.predictors import Predictors

    n, t, _ = cube.shape
    idx = {name: i for i, name in enumerate(BAND_COLUMNS)}
    s2 = np.full((n, 1, 1, t, len(S2_ORDER)), NODATA, dtype=np.float32)
    for column, band in S2_COLUMNS.items():
        s2[:, 0, 0, :, S2_ORDER.index(band)] = cube[:, :, idx[column]]
    s1 = np.full((n, 1, 1, t, 2), NODATA, dtype=np.float32)
    for column, pos in S1_COLUMNS.items():
        values = cube[:, :, idx[column]].copy()
        ok = (values != NODATA) & (values > 0)
        values[ok] = 20 * np.log10(values[ok]) - 83
        s1[:, 0, 0, :, pos] = values
    meteo = np.full((n, 1, 1, t, 2), NODATA, dtype=np.float32)  # [temperature, precipitation]
    meteo[:, 0, 0, :, 0] = _scaled(cube[:, :, idx["AGERA5-TMEAN"]], 100.0)
    meteo[:, 0, 0, :, 1] = _scaled(cube[:, :, idx["AGERA5-PRECIP"]], 100.0 * 1000.0)
    dem = np.stack([cube[:, 0, idx["elevation"]], cube[:, 0, idx["slope"]]], axis=-1)
    latlon = np.stack([lat, lon], axis=-1).astype(np.float32)
    as_t = torch.from_numpy
    return Predictors(
        s1=as_t(s1), s2=as_t(s2), meteo=as_t(meteo),
        dem=as_t(dem.reshape(n, 1, 1, 2).astype(np.float32)),
        latlon=as_t(latlon.reshape(n, 1, 1, 2)), timestamps=as_t(months.astype(np.int64)),
    )


def _scaled(values: np.ndarray, divisor: float) -> np.ndarray:
    out = values.copy()
    ok = out != NODATA
    out[ok] = out[ok] / divisor
    return out


def embed(
    model,
    cube: np.ndarray,
    months: np.ndarray,
    lat: np.ndarray,
    lon: np.ndarray,
    season_mask: np.ndarray,
    batch_size: int = 256,
    on_batch: Optional[Callable[[int], None]] = None,
) -> np.ndarray:
    """(N, 128) float32: season-mean of the TIME-pooled Presto embeddings; ``season_mask`` is (12,) or (N, 12)
    (each sample's own window months, as the library's per-sample season masks)."""
    import torch
    from prometheo.models.pooling import PoolingMethods

    weights = torch.from_numpy(np.broadcast_to(season_mask, (len(cube), season_mask.shape[-1])).astype(np.float32))
    out = np.empty((len(cube), EMBEDDING_DIM), dtype=np.float32)
    with torch.no_grad():
        for first in range(0, len(cube), batch_size):
            part = slice(first, first + batch_size)
            x = predictors(cube[part], months[part], lat[part], lon[part])
            time_emb = model(x, eval_pooling=PoolingMethods.TIME)
            time_emb = time_emb.reshape(time_emb.shape[0], time_emb.shape[-2], time_emb.shape[-1])
            w = weights[part]
            pooled = (time_emb * w[:, :, None]).sum(dim=1) / w.sum(dim=1, keepdim=True).clamp(min=1.0)
            out[part] = pooled.cpu().numpy()
            if on_batch:
                on_batch(min(first + batch_size, len(cube)))
    return out
