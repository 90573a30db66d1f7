"""From a WorldCereal map to crop areas with confidence intervals (issue #20), as pure logic.

design: sample size, allocation and a seeded stratified draw; estimators: Olofsson et al. (2014) stratified
estimators when strata are the map classes; stehman: Stehman (2014) when they differ; pixel_counts: counts per
class and per polygon streamed by blocks; report: HTML with inline SVG plots. No QGIS import anywhere here.
"""
