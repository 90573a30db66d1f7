"""Which 12 months each training sample gets: the choices and the default (no numpy here).

Their own module because ``worldcereal:train_croptype_model`` lists them when QGIS starts, and importing
``training_inputs`` (numpy) then cost ~80 ms of start-up (#21). ``training/alignment.py`` has the rules; README
says why the default is it.
"""

ALIGNMENTS = ("relaxed", "period", "strict")
ALIGNMENT_LABELS = ("Library relaxed: 12 months centred on each sample's valid_time (default)",
                    "Processing period of the map job (12 months ending with the season)",
                    "Library strict: valid_time moved to month 6 of the processing period")
DEFAULT_ALIGNMENT = "relaxed"  # BENCHMARKS.md "Alignment x temporal jitter": best pooled macro F1; library default
