"""Registry of the provider's algorithms."""

from __future__ import annotations


def all_algorithms() -> list:
    from .alg_croptype import CroptypeAlgorithm
    from .alg_map import CroplandAlgorithm
    from .alg_reference import ExtractReferenceAlgorithm, ValidateReferenceAlgorithm
    from .alg_seasons import SuggestSeasonsAlgorithm
    from .alg_tiles import PlanTilesAlgorithm
    from .alg_train import TrainCroptypeAlgorithm

    return [CroplandAlgorithm(), CroptypeAlgorithm(), ValidateReferenceAlgorithm(), ExtractReferenceAlgorithm(),
            PlanTilesAlgorithm(), SuggestSeasonsAlgorithm(), TrainCroptypeAlgorithm()]
