"""Registry of the provider's algorithms."""

from __future__ import annotations


def all_algorithms() -> list:
    from .alg_map import CroplandAlgorithm, CroptypeAlgorithm
    from .alg_reference import ExtractReferenceAlgorithm, ValidateReferenceAlgorithm

    return [CroplandAlgorithm(), CroptypeAlgorithm(), ValidateReferenceAlgorithm(), ExtractReferenceAlgorithm()]
